import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../local/dynamo-local';
import { type LocalStack, startLocalStack } from './local-stack';
import { runVaAssess } from './run-cli';

const SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';
const WARNING = /NodeVersionSupportWarning/;
const ROOT = join(__dirname, '..', '..');
const nodeMajor = Number(process.versions.node.split('.')[0]);

/**
 * A person starting our processes on Node 20 must not see the AWS SDK's Node-version warning. The
 * jest setup turns it off for the tests themselves, so each child here starts without the switch,
 * as from a person's shell.
 */
describe("no AWS SDK Node-version warning in a person's terminal", () => {
  const saved = process.env[SWITCH];
  const dataDir = mkdtempSync(join(tmpdir(), 'va-assess-warning-'));
  let stack: LocalStack | undefined;

  beforeAll(() => {
    delete process.env[SWITCH];
  });

  afterAll(async () => {
    await stack?.interrupt();
    rmSync(dataDir, { recursive: true, force: true });
    if (saved !== undefined) process.env[SWITCH] = saved;
  });

  // On Node 22+ the SDK has nothing to warn about, and this file proves nothing.
  const onNode20 = nodeMajor < 22 ? it : it.skip;

  onNode20('is printed on this Node by a bare SDK client, so the checks below can fail', () => {
    const bare = spawnSync(
      process.execPath,
      ['-e', "new (require('@aws-sdk/client-dynamodb').DynamoDBClient)({ region: 'local' })"],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env } },
    );
    expect(bare.stderr).toMatch(WARNING);
  });

  onNode20(
    'is not printed by `npm start`, which builds its DynamoDB client and loads the example',
    async () => {
      stack = await startLocalStack(dataDir, await findFreePort());
      const response = await fetch(`${stack.url}/v1/projects/imagine/summary?period=PY1`, {
        headers: { 'X-Dev-User': 'coordinator@imagine.example.org' },
      });
      expect(response.status).toBe(200);
      expect(stack.output()).toMatch(/Ctrl-C stops/);
      expect(stack.output()).not.toMatch(WARNING);
    },
  );

  it('is not printed by `va-assess`', () => {
    const run = runVaAssess(['summary', '--example', 'imagine-py1', '--period', 'PY1']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
