export * from './portal-rows';
export * from './portal-table';
