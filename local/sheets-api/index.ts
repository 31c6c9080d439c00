export * from './fault-injector';
export * from './local-access-token';
export * from './local-sheets-api';
export * from './local-sheets-client';
export * from './sheets-api-error';
