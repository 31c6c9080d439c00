/**
 * The second pass of `npm test`: checks the packaged IAM policy against the DynamoDB traffic the main
 * pass (jest.config.js) recorded into .data/dynamo-traffic/. It has no globalSetup, so it reads that
 * traffic rather than clearing it.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.iam-test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  setupFiles: ['<rootDir>/test/quiet-sdk-warning.ts'],
  testTimeout: 30000,
};
