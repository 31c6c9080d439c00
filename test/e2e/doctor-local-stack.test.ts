import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import { runCli } from '../../functions/cli/main';
import { sleep } from '../../functions/storage/backoff';
import { findFreePort } from '../../local/dynamo-local';
import { PLAYGROUND_AUDIENCE } from '../../local/playground/playground-stack';
import { LOCAL_SERVICE_ACCOUNT_EMAIL } from '../../local/sheets-api';
import { rawRequest } from '../integration/support/raw-http';
import { type LocalStack, startLocalStack } from './local-stack';
import { descendantsMatching } from './support/process-tree';

/** Listens on `port` as soon as it is free (the killed JVM lets go of it), destroying every connection. */
async function holdPort(port: number): Promise<Server> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const server = createServer((socket) => socket.destroy());
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (listening) return server;
    await sleep(50);
  }
  throw new Error(`DynamoDB Local's port ${port} stayed taken after its JVM was killed`);
}

const ROOT = join(__dirname, '..', '..');
const COORDINATOR = 'coordinator@imagine.example.org';
const EVERY_CHECK = [
  'PASS health',
  'PASS token',
  'PASS table',
  'PASS configuration',
  'PASS table-writable',
  'PASS sheet-bound',
  'PASS sheet-shared',
  'PASS sheet-writable',
  'PASS report-link-secret',
];

/**
 * `va-assess doctor` against `npm start` as a person runs it: on the API (AUTH_MODE=dev, so --dev-user,
 * no token) and on the playground add-on's OIDC backend with the acting person's own ID token; then
 * each fault injected as a person would cause it. The tests share one npm start and run in order.
 */
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

  async function doctor(caller: string[], url = stack?.url ?? '') {
    const lines: string[] = [];
    const code = await runCli(['doctor', '--url', url, ...caller, '--project', 'imagine'], {
      out: (text) => lines.push(...text.split('\n')),
      err: (text) => lines.push(...text.split('\n')),
      now: DateTime.now(),
    });
    return { code, checks: lines.filter((line) => /^(PASS|FAIL|SKIP) /.test(line)) };
  }
  const asDevUser = ['--dev-user', COORDINATOR];
  const statuses = (checks: string[]) => checks.map((line) => line.split(/\s+/).slice(0, 2).join(' '));

  /** What the banner tells a person to paste: the playground's acting person's own ID token. */
  async function identityToken(audience?: string): Promise<string> {
    const query = audience === undefined ? '' : `?audience=${encodeURIComponent(audience)}`;
    const answer = await fetch(`${stack?.url}/playground/api/identity-token${query}`);
    expect(answer.status).toBe(200);
    return answer.text();
  }

  it("on the OIDC backend, the acting person's own token passes; one for another audience shows its aud", async () => {
    expect(stack?.output()).toContain(`OIDC backend:    ${stack?.oidcUrl}`);
    expect(stack?.oidcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const healthy = await doctor(['--token', await identityToken()], stack?.oidcUrl);
    expect(statuses(healthy.checks)).toEqual(EVERY_CHECK);
    expect(healthy.checks[1]).toMatch(
      new RegExp(
        `^PASS {2}token +the backend accepts tokens for ${COORDINATOR} \\(aud ${PLAYGROUND_AUDIENCE},`,
      ),
    );
    expect(healthy.code).toBe(0);

    // The banner's own line, run as a person pastes it into a shell: curl fetches the token, npx runs doctor.
    const bannerLine = /^ {2}(npx va-assess doctor .*)$/m.exec(stack?.output() ?? '')?.[1] ?? '';
    expect(bannerLine).toContain(`--url ${stack?.oidcUrl} `);
    const pasted = await promisify(execFile)('bash', ['-c', bannerLine], { cwd: ROOT, timeout: 60_000 });
    expect(pasted.stdout).toMatch(/^PASS {2}report-link-secret /m);
    expect(pasted.stdout).toContain('No problem found.');

    // Like the rest of the playground, only for pages addressed by a loopback name (no DNS rebinding).
    const rebound = await rawRequest(stack?.url ?? '', {
      method: 'GET',
      path: '/playground/api/identity-token',
      headers: { host: 'evil.example' },
    });
    expect(rebound.status).toBe(403);
    expect(rebound.body.error.message).toContain('evil.example');

    const otherClient = 'another-oauth-client.apps.googleusercontent.com';
    const wrong = await doctor(['--token', await identityToken(otherClient)], stack?.oidcUrl);
    expect(wrong.code).toBe(1);
    expect(wrong.checks).toEqual([
      expect.stringMatching(/^PASS {2}health /),
      `FAIL  token   the backend refuses this token's audience: the token's aud is "${otherClient}". If this token comes from the add-on, set OIDC_AUDIENCE to ${otherClient} (the add-on's OAuth client id) and redeploy`,
    ]);
  }, 90_000);

  it('passes every check, then names the service account to share with once the sheet is unshared', async () => {
    const healthy = await doctor(asDevUser);
    expect(statuses(healthy.checks)).toEqual(EVERY_CHECK);
    expect(healthy.code).toBe(0);

    const { rootUrl, spreadsheetId } = stack?.sheets ?? { rootUrl: '', spreadsheetId: '' };
    const unshared = await fetch(`${rootUrl}__local/spreadsheets/${spreadsheetId}/unshare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: LOCAL_SERVICE_ACCOUNT_EMAIL }),
    });
    expect(unshared.status).toBe(200);
    const broken = await doctor(asDevUser);
    expect(broken.code).toBe(1);
    expect(broken.checks.filter((line) => line.startsWith('FAIL'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^FAIL {2}sheet-shared +Share the spreadsheet ${spreadsheetId} with ${LOCAL_SERVICE_ACCOUNT_EMAIL} as editor`,
        ),
      ),
    ]);
  });

  it("with npm start's DynamoDB Local stopped, the table check says so; npm start brings it back", async () => {
    const pid = stack?.pid ?? 0;
    // npm start's own JVM, found under its process: never by name machine-wide (other tests run theirs).
    const jvms = descendantsMatching(pid, /DynamoDBLocal\.jar/);
    expect(jvms.length).toBeGreaterThan(0);
    const backBefore = stack?.output().split('DynamoDB Local is back.').length ?? 0;
    for (const jvm of jvms) process.kill(jvm, 'SIGKILL');
    // Hold DynamoDB Local's port once the JVM is gone, resetting every connection: the table stays down
    // for as long as doctor runs, whatever npm start's watch does (its restart fails on a taken port
    // and tries again), so the test does not race the restart.
    const holder = await holdPort(stack?.dynamoPort ?? 0);
    let stopped: Awaited<ReturnType<typeof doctor>>;
    try {
      stopped = await doctor(asDevUser);
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
    expect(stopped.code).toBe(1);
    expect(stopped.checks).toEqual([
      expect.stringMatching(/^PASS {2}health /),
      expect.stringMatching(/^PASS {2}token /),
      expect.stringMatching(
        /^FAIL {2}table +the backend cannot reach its DynamoDB table \(The database is unavailable right now.*\): check TABLE_NAME/,
      ),
    ]);

    // npm start's watch restarts it on the same files (it says so); the table answers again.
    for (
      let waited = 0;
      waited < 90 && (stack?.output().split('DynamoDB Local is back.').length ?? 0) === backBefore;
      waited += 1
    )
      await sleep(1000);
    const recovered = await doctor(asDevUser);
    expect(recovered.checks).toContainEqual(expect.stringMatching(/^PASS {2}table /));
    expect(recovered.checks).toContainEqual(expect.stringMatching(/^PASS {2}configuration /));
  }, 120_000);
});
