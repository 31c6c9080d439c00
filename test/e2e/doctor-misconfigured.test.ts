import { DateTime } from 'luxon';
import { buildContainer } from '../../functions/api/container';
import { runCli } from '../../functions/cli/main';
import { parseEnv } from '../../functions/commons/env';
import { type ServedRouter, serveRouter } from '../../local/serve-router';

async function doctor(args: string[]) {
  const lines: string[] = [];
  const code = await runCli(['doctor', ...args], {
    out: (text) => lines.push(...text.split('\n')),
    err: (text) => lines.push(...text.split('\n')),
    now: DateTime.now(),
  });
  return { code, lines };
}

/** The first fault of a first deploy: a variable left out. /health answers 500 naming it (docs/deploy.md). */
describe('va-assess doctor on a backend deployed without OIDC_AUDIENCE', () => {
  let listening: ServedRouter | undefined;

  beforeAll(async () => {
    // The router tells the operator in its log (console.error without a container): expected here.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // As the deployed function builds its services from its environment on the first request.
    listening = await serveRouter(() =>
      buildContainer(parseEnv({ TABLE_NAME: 'va-assess', AWS_REGION: 'eu-west-1', AUTH_MODE: 'oidc' })),
    );
  });

  afterAll(async () => {
    await listening?.close();
    jest.restoreAllMocks();
  });

  it('fails at /health naming the variable, and checks nothing further', async () => {
    const run = await doctor(['--url', listening?.url ?? '', '--token', 'a.b.c', '--project', 'imagine']);
    expect(run.code).toBe(1);
    expect(run.lines.filter((line) => /^(PASS|FAIL|SKIP)/.test(line))).toEqual([
      expect.stringMatching(
        /^FAIL {2}health {2}the backend's configuration is incomplete: The server is misconfigured \(OIDC_AUDIENCE\).*Set the variable it names \(README's table\) and redeploy$/,
      ),
    ]);
  });

  it('refuses a command line without a URL, with the usage', async () => {
    const run = await doctor(['--token', 'a.b.c']);
    expect(run.code).toBe(2);
    expect(run.lines.join('\n')).toContain("--url must be the backend's base URL");
    expect(run.lines.join('\n')).toContain(
      'va-assess doctor --url URL [--token ID_TOKEN | --dev-user EMAIL]',
    );
  });
});
