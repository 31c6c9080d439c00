export * from './addon-sandbox';
export * from './apps-script-host';
export * from './host-views';
