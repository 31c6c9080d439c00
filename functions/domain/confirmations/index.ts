export * from './confirmable-cells';
export * from './confirmation';
export * from './confirmation-sentence';
export * from './confirmation-state';
