import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { runCli } from '../../functions/cli/main';
import { findFreePort } from '../../local/dynamo-local';
import { LOCAL_SERVICE_ACCOUNT_EMAIL } from '../../local/sheets-api';
import { type LocalStack, startLocalStack } from './local-stack';

const COORDINATOR = 'coordinator@imagine.example.org';

/** `va-assess doctor` against `npm start` as a person runs it (AUTH_MODE=dev, so --dev-user, no token). */
describe('va-assess doctor against npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'va-assess-doctor-stack-'));
  let stack: LocalStack | undefined;

  beforeAll(async () => {
    stack = await startLocalStack(join(dataDir, 'dynamodb'), await findFreePort());
  }, 120_000);

  afterAll(async () => {
    await stack?.interrupt();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function doctor() {
    const lines: string[] = [];
    const code = await runCli(
      ['doctor', '--url', stack?.url ?? '', '--dev-user', COORDINATOR, '--project', 'imagine'],
      {
        out: (text) => lines.push(...text.split('\n')),
        err: (text) => lines.push(...text.split('\n')),
        now: DateTime.now(),
      },
    );
    return { code, checks: lines.filter((line) => /^(PASS|FAIL|SKIP) /.test(line)) };
  }

  it('passes every check, then names the service account to share with once the sheet is unshared', async () => {
    const healthy = await doctor();
    expect(healthy.checks.map((line) => line.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'PASS health',
      'PASS token',
      'PASS table',
      'PASS configuration',
      'PASS table-writable',
      'PASS sheet-bound',
      'PASS sheet-shared',
      'PASS sheet-writable',
      'PASS report-link-secret',
    ]);
    expect(healthy.code).toBe(0);

    const { rootUrl, spreadsheetId } = stack?.sheets ?? { rootUrl: '', spreadsheetId: '' };
    const unshared = await fetch(`${rootUrl}__local/spreadsheets/${spreadsheetId}/unshare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: LOCAL_SERVICE_ACCOUNT_EMAIL }),
    });
    expect(unshared.status).toBe(200);
    const broken = await doctor();
    expect(broken.code).toBe(1);
    expect(broken.checks.filter((line) => line.startsWith('FAIL'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^FAIL {2}sheet-shared +Share the spreadsheet ${spreadsheetId} with ${LOCAL_SERVICE_ACCOUNT_EMAIL} as editor`,
        ),
      ),
    ]);
  });
});
