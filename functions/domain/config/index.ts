export * from './identifiers';
export * from './installation-schema';
export * from './metric-definition-schema';
export * from './portal-fields-schema';
export * from './project-config-schema';
export * from './project-schema';
export * from './text-bounds';
