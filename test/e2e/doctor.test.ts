import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Container } from '../../functions/api/container';
import { runCli } from '../../functions/cli/main';
import { SheetsGateway } from '../../functions/sheets/client/sheets-gateway';
import { createDocumentClient } from '../../functions/storage/dynamo-client';
import { ensureTable } from '../../functions/storage/ensure-table';
import { type DynamoLocal, findFreePort, startDynamoLocal } from '../../local/dynamo-local';
import { type ServedRouter, serveRouter } from '../../local/serve-router';
import {
  LOCAL_SERVICE_ACCOUNT_EMAIL,
  type LocalSheetsApi,
  localSheetsClient,
  startLocalSheetsApi,
} from '../../local/sheets-api';
import {
  apiCaller,
  COORDINATOR,
  IFCA,
  NOW,
  seedThroughApi,
  testContainer,
} from '../integration/api/api-test-server';
import { proveAndBind, TEST_RETRY } from '../integration/sheets/sheets-test-stack';
import { createTestSigner, TEST_AUDIENCE } from '../integration/support/sign-test-token';

/**
 * `va-assess doctor` against the local stack's pieces (the router on DynamoDB Local and the local
 * Sheets API, with the tests' identity provider in place of Google's): every check passes on the
 * healthy stack, and each fault a first deployment meets fails with its own sentence.
 */
describe('va-assess doctor (issue 18)', () => {
  const signer = createTestSigner();
  const dataDir = mkdtempSync(join(tmpdir(), 'va-assess-doctor-'));
  const tableName = 'va-assess-doctor';
  let dynamo: DynamoLocal | undefined;
  let sheetsApi: LocalSheetsApi | undefined;
  let container: Container | undefined;
  let listening: ServedRouter | undefined;
  let spreadsheetId = '';
  const url = () => listening?.url ?? '';
  /** The router's services with these settings, on the test's table and local Sheets API. */
  const build = (env: Record<string, string>) =>
    testContainer(dynamo?.endpoint ?? '', tableName, signer, 'oidc', env, {
      sheets: () =>
        new SheetsGateway({
          rootUrl: sheetsApi?.rootUrl ?? '',
          retry: TEST_RETRY,
        }),
    });
  const call = apiCaller(url, signer);

  beforeAll(async () => {
    const port = await findFreePort();
    dynamo = await startDynamoLocal({ port, path: dataDir });
    const doc = createDocumentClient({ endpoint: dynamo.endpoint, region: 'local' });
    await ensureTable(doc, tableName);
    doc.destroy();
    const sheets = await startLocalSheetsApi();
    sheetsApi = sheets;
    container = build({ REPORT_LINK_SECRET: 'x'.repeat(64) });
    listening = await serveRouter(() => container as Container);
    await seedThroughApi(call);
    spreadsheetId = sheets.createSpreadsheet({
      title: 'iMagine VA metrics',
      owner: COORDINATOR,
      sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL],
    });
    const bound = await proveAndBind(
      { call },
      localSheetsClient(sheets.rootUrl, COORDINATOR),
      spreadsheetId,
      COORDINATOR,
    );
    if (bound.status !== 200) throw new Error(JSON.stringify(bound.body));
  }, 90_000);

  afterAll(async () => {
    await listening?.close();
    await sheetsApi?.close();
    await dynamo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The command line a deployer types, with a token as the add-on would send it (valid an hour from NOW). */
  async function doctor(claims: Record<string, unknown> = {}, as = COORDINATOR) {
    const lines: string[] = [];
    const token = signer.sign({
      email: as,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 3600,
      ...claims,
    });
    const code = await runCli(['doctor', '--url', url(), '--token', token, '--project', 'imagine'], {
      out: (text) => lines.push(...text.split('\n')),
      err: (text) => lines.push(...text.split('\n')),
      now: NOW,
    });
    const line = (name: string) =>
      lines.find((candidate) => new RegExp(`^[A-Z]{4}  ${name} `).test(candidate));
    return { code, lines, line };
  }

  it('passes every check on the healthy stack', async () => {
    const run = await doctor();
    expect(
      run.lines.filter((line) => /^(PASS|FAIL|SKIP)/.test(line)).map((line) => line.slice(0, 4)),
    ).toEqual(Array(9).fill('PASS'));
    for (const name of [
      'health',
      'token',
      'table',
      'configuration',
      'table-writable',
      'sheet-bound',
      'sheet-shared',
      'sheet-writable',
      'report-link-secret',
    ]) {
      expect(run.line(name)).toMatch(/^PASS/);
    }
    expect(run.line('token')).toContain(`aud ${TEST_AUDIENCE}`);
    expect(run.line('sheet-bound')).toContain(spreadsheetId);
    expect(run.code).toBe(0);
    // The write check leaves nothing behind in the spreadsheet.
    const after = await localSheetsClient(sheetsApi?.rootUrl ?? '', COORDINATOR).spreadsheets.get({
      spreadsheetId,
    });
    expect((after.data.developerMetadata ?? []).map((item) => item.metadataKey)).not.toContain(
      'va-assess:diagnostics-probe',
    );
  });

  it('with the sheet unshared, says to share it with the service account', async () => {
    sheetsApi?.unshare(spreadsheetId, LOCAL_SERVICE_ACCOUNT_EMAIL);
    try {
      const run = await doctor();
      expect(run.code).toBe(1);
      expect(run.line('sheet-shared')).toBe(
        `FAIL  sheet-shared        Share the spreadsheet ${spreadsheetId} with ${LOCAL_SERVICE_ACCOUNT_EMAIL} as editor, then try again: the service account cannot open it`,
      );
      expect(run.line('sheet-writable')).toMatch(/^SKIP/);
      expect(run.lines.filter((line) => line.startsWith('FAIL'))).toHaveLength(1);
    } finally {
      sheetsApi?.share(spreadsheetId, LOCAL_SERVICE_ACCOUNT_EMAIL);
    }
  });

  it("with the audience wrong, shows the token's own aud to copy into OIDC_AUDIENCE", async () => {
    const addOnClientId = '987654321-real-addon.apps.googleusercontent.com';
    const run = await doctor({ aud: addOnClientId });
    expect(run.code).toBe(1);
    expect(run.line('token')).toBe(
      `FAIL  token   the backend refuses this token's audience: the token's aud is "${addOnClientId}". If this token comes from the add-on, set OIDC_AUDIENCE to ${addOnClientId} (the add-on's OAuth client id) and redeploy`,
    );
    expect(run.lines.filter((line) => line.startsWith('FAIL'))).toHaveLength(1);
  });

  it("with a partner's token, runs what a partner may and says the rest needs a coordinator", async () => {
    const run = await doctor({}, IFCA);
    expect(run.code).toBe(0);
    expect(run.line('diagnostics')).toMatch(/^SKIP .*only a coordinator of "imagine"/);
  });

  it('without a report link secret, names the variable to set and shows no secret', async () => {
    const healthy = container;
    container = build({});
    try {
      const run = await doctor();
      expect(run.code).toBe(1);
      expect(run.line('report-link-secret')).toMatch(
        /^FAIL {2}report-link-secret {2}REPORT_LINK_SECRET is not set: .*set REPORT_LINK_SECRET \(at least 32 characters.*\) or REPORT_LINK_SECRET_ARN, then redeploy$/,
      );
      expect(run.lines.filter((line) => line.startsWith('FAIL'))).toHaveLength(1);
    } finally {
      container = healthy;
    }
    expect((await doctor()).lines.join('\n')).not.toContain('x'.repeat(32));
  });

  it('with DynamoDB stopped, says the backend cannot reach its table', async () => {
    await dynamo?.stop();
    const run = await doctor();
    expect(run.code).toBe(1);
    expect(run.line('table')).toMatch(
      /^FAIL {2}table {3}the backend cannot reach its DynamoDB table \(The database is unavailable right now.*\): check TABLE_NAME/,
    );
    expect(run.lines.filter((line) => line.startsWith('FAIL'))).toHaveLength(1);
  });
});
