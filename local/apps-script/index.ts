export * from './addon-sandbox';
export * from './addon-session';
export * from './apps-script-host';
export * from './daily-quotas';
export * from './host-views';
