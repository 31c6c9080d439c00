export * from './build-report-model';
export * from './report-model';
export * from './report-outline';
export * from './report-settings';
export * from './resolve-assessment';
