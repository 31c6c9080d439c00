// Jest globalSetup of the main run: every DynamoDB client the tests create (in-process routers,
// harnesses, the `npm start` child of the e2e tests) records what it sends into this folder, which
// test/integration/deploy/dynamo-iam-from-traffic.iam-test.ts then checks against the IAM policy.
// Emptied first so that only this run's traffic counts. Workers and child processes inherit the variable.
const { mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

module.exports = async function startDynamoTraffic() {
  const dir = join(__dirname, '..', '.data', 'dynamo-traffic');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.env.VA_ASSESS_DYNAMO_TRAFFIC_DIR = dir;
};
