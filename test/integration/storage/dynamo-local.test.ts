import { execFile } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

/**
 * Runs startDynamoLocal in a child Node.js whose PATH has no java (jest's sandboxed process.env does
 * not reach the processes the real child_process module spawns), and reports what it printed.
 */
function startWithoutJava(): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const script = `
    const { startDynamoLocal } = require('./local/dynamo-local');
    startDynamoLocal().then(
      (local) => local.stop().then(() => { console.log('started'); }),
      (error) => { console.log(error.name + ': ' + error.message); process.exitCode = 1; },
    );`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--require', 'tsx/cjs', '--no-warnings', '-e', script],
      { cwd: root, env: { PATH: '/nonexistent', HOME: process.env.HOME ?? '/tmp' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ stdout, stderr, code: error ? (error.code as number) : 0 }),
    );
  });
}

describe('startDynamoLocal', () => {
  it('says in one sentence that Java is missing when it is not on PATH', async () => {
    const { stdout, code } = await startWithoutJava();

    expect(stdout.trim()).toBe(
      'JavaMissingError: DynamoDB Local needs Java 17 or later on PATH: install a JRE (e.g. apt-get install openjdk-17-jre-headless)',
    );
    expect(code).toBe(1);
  }, 60_000);
});
