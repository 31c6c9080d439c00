export * from './build-period-status';
export * from './cell-record';
export * from './cells-from-outcomes';
export * from './confirmation-state';
export * from './period-status';
export * from './reminders';
export * from './status-table';
