/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking is done once by `npm run typecheck`; jest only transpiles.
    '^.+\\.ts$': 'ts-jest',
  },
  setupFiles: ['<rootDir>/test/quiet-sdk-warning.ts'],
  // Records the DynamoDB traffic of the run for the IAM check (jest.iam.config.js, run after this one).
  globalSetup: '<rootDir>/test/dynamo-traffic.global-setup.js',
  testTimeout: 30000,
};
