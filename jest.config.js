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
  testTimeout: 30000,
};
