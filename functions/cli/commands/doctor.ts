import { apiPaths } from '../../contract/api-paths';
import { type DiagnosticCheck, diagnosticsResponseSchema } from '../../contract/diagnostics-contract';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../cli-errors';
import type { CliIo, Command } from '../command';
import { stringOption } from '../common-options';

type Status = DiagnosticCheck['status'];
interface Check {
  name: string;
  status: Status;
  message: string;
}
interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** Long enough for a cold start of a function (a few seconds), short enough for a person waiting. */
const TIMEOUT_MS = 30_000;
/** Only to ask whether the token is accepted when no --project is given: 404 then means "accepted". */
const PLACEHOLDER_PROJECT = 'va-assess-doctor';

const check = (name: string, status: Status, message: string): Check => ({ name, status, message });

/** Who the doctor speaks as: a pasted ID token, or (a local server in AUTH_MODE=dev only) an X-Dev-User. */
type Caller = { token: string } | { devUser: string };

const headersOf = (caller: Caller | undefined): Record<string, string> => {
  if (caller === undefined) return {};
  return 'token' in caller ? { authorization: `Bearer ${caller.token}` } : { 'x-dev-user': caller.devUser };
};

async function call(url: string, path: string, caller?: Caller): Promise<Answer | string> {
  try {
    const response = await fetch(`${url}${path}`, {
      headers: headersOf(caller),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    let body: Record<string, unknown> = { message: text.slice(0, 300) };
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Not JSON (a gateway's HTML page): its first words are the message.
    }
    return { status: response.status, body };
  } catch (error) {
    return String((error as Error).cause ?? (error as Error).message);
  }
}

const said = (answer: Answer) => String(answer.body.message ?? JSON.stringify(answer.body));

/** The claims of an ID token, read without checking it (the backend checks it): what the person holds. */
function claimsOf(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (token.split('.').length !== 3 || payload === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

async function healthCheck(url: string): Promise<Check> {
  const answer = await call(url, apiPaths.health());
  if (typeof answer === 'string') {
    return check(
      'health',
      'fail',
      `no answer from ${url}/health (${answer}): check the URL (the API's base, without /v1) and that the deploy finished`,
    );
  }
  if (answer.status === 200) return check('health', 'pass', `${url}/health answers 200`);
  if (answer.body.code === 'misconfigured') {
    return check(
      'health',
      'fail',
      `the backend's configuration is incomplete: ${said(answer)}. Set the variable it names (README's table) and redeploy`,
    );
  }
  return check(
    'health',
    'fail',
    `${url}/health answers ${answer.status}: ${said(answer)}; is this the va-assess API's base URL?`,
  );
}

function audienceAdvice(claims: Record<string, unknown> | undefined, reason: string): string {
  const aud = String(claims?.aud ?? '?');
  const iss = String(claims?.iss ?? '?');
  if (/another audience/.test(reason)) {
    return `the backend refuses this token's audience: the token's aud is "${aud}". If this token comes from the add-on, set OIDC_AUDIENCE to ${aud} (the add-on's OAuth client id) and redeploy`;
  }
  if (/issuer/.test(reason)) {
    return `the backend refuses this token's issuer "${iss}": set ALLOWED_ISSUERS to include it, or use a Google ID token (issuer https://accounts.google.com)`;
  }
  if (/expired/.test(reason)) return `${reason}: ID tokens live one hour; paste a fresh one`;
  return `the backend refuses the token: ${reason}`;
}

async function tokenCheck(url: string, token: string, projectId: string): Promise<Check> {
  const claims = claimsOf(token);
  if (claims === undefined) {
    return check(
      'token',
      'fail',
      'this is not an ID token (three dot-separated parts, a JSON middle): paste it whole',
    );
  }
  const answer = await call(url, apiPaths.access(projectId), { token });
  if (typeof answer === 'string') return check('token', 'fail', `no answer from ${url} (${answer})`);
  if (answer.status === 401) return check('token', 'fail', audienceAdvice(claims, said(answer)));
  if (answer.status === 503)
    return check('token', 'pass', 'the backend accepts the token (its table did not answer)');
  return check(
    'token',
    'pass',
    `the backend accepts tokens for ${String(claims.email ?? '?')} (aud ${String(claims.aud)}, issuer ${String(claims.iss)})`,
  );
}

async function devUserCheck(url: string, devUser: string, projectId: string): Promise<Check> {
  const answer = await call(url, apiPaths.access(projectId), { devUser });
  if (typeof answer === 'string') return check('token', 'fail', `no answer from ${url} (${answer})`);
  if (answer.status === 401 || answer.status === 400) return check('token', 'fail', said(answer));
  return check(
    'token',
    'pass',
    `the local server (AUTH_MODE=dev) takes X-Dev-User ${devUser}; no token is checked`,
  );
}

async function projectChecks(url: string, caller: Caller, projectId: string): Promise<Check[]> {
  const config = await call(url, apiPaths.config(projectId), caller);
  if (typeof config === 'string') return [check('table', 'fail', `no answer from ${url} (${config})`)];
  if (config.status === 503) {
    return [
      check(
        'table',
        'fail',
        `the backend cannot reach its DynamoDB table (${said(config)}): check TABLE_NAME, that the table exists in the function's region (AWS_REGION) and that the function's role may use it`,
      ),
    ];
  }
  const table = check('table', 'pass', 'the backend read its table');
  if (config.status === 404) {
    return [
      table,
      check(
        'configuration',
        'fail',
        `no project "${projectId}" on this backend: create it from the spreadsheet (Extensions › va-assess › Create project...) or with PUT ${apiPaths.config(projectId)}`,
      ),
    ];
  }
  if (config.status !== 200) return [table, check('configuration', 'fail', said(config))];
  const installations = ((config.body.config as { installations?: unknown[] })?.installations ?? []).length;
  return [
    table,
    check(
      'configuration',
      'pass',
      `project "${projectId}" has a configuration (${installations} installations)`,
    ),
    ...(await backendChecks(url, caller, projectId)),
  ];
}

async function backendChecks(url: string, caller: Caller, projectId: string): Promise<Check[]> {
  const answer = await call(url, apiPaths.diagnostics(projectId), caller);
  if (typeof answer === 'string') return [check('diagnostics', 'fail', `no answer from ${url} (${answer})`)];
  if (answer.status === 403) {
    return [
      check(
        'diagnostics',
        'skipped',
        `only a coordinator of "${projectId}" may run the backend's own checks: ${said(answer)}`,
      ),
    ];
  }
  const parsed = diagnosticsResponseSchema.safeParse(answer.body);
  if (answer.status !== 200 || !parsed.success) {
    return [
      check(
        'diagnostics',
        'fail',
        `GET ${apiPaths.diagnostics(projectId)} answered ${answer.status}: ${said(answer)}`,
      ),
    ];
  }
  return parsed.data.checks.map((found) => check(found.id, found.status, found.message));
}

async function runChecks(url: string, caller: Caller | undefined, projectId: string | undefined) {
  const checks = [await healthCheck(url)];
  if (checks[0]?.status !== 'pass') return checks;
  if (caller === undefined) {
    checks.push(
      check(
        'token',
        'skipped',
        "pass --token <ID token> (the add-on's identity token) to check the audience, issuer, table and spreadsheet",
      ),
    );
    return checks;
  }
  const asked = projectId ?? PLACEHOLDER_PROJECT;
  checks.push(
    'token' in caller
      ? await tokenCheck(url, caller.token, asked)
      : await devUserCheck(url, caller.devUser, asked),
  );
  if (checks[1]?.status !== 'pass') return checks;
  if (projectId === undefined) {
    checks.push(
      check('project', 'skipped', 'pass --project <id> to check its configuration, table and spreadsheet'),
    );
    return checks;
  }
  checks.push(...(await projectChecks(url, caller, projectId)));
  return checks;
}

const LABEL: Record<Status, string> = { pass: 'PASS', fail: 'FAIL', skipped: 'SKIP' };

function print(checks: readonly Check[], io: CliIo): number {
  const width = Math.max(...checks.map((found) => found.name.length));
  for (const found of checks) io.out(`${LABEL[found.status]}  ${found.name.padEnd(width)}  ${found.message}`);
  const failed = checks.filter((found) => found.status === 'fail').length;
  io.out(
    failed === 0
      ? '\nNo problem found.'
      : `\n${failed} problem(s): fix the first one, then run doctor again.`,
  );
  return failed === 0 ? EXIT_OK : EXIT_FINDINGS;
}

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check a deployed backend the way the first users will reach it',
  usage: `va-assess doctor --url URL [--token ID_TOKEN | --dev-user EMAIL] [--project ID]

Checks, in order, and says what to do about each failure: /health (the backend's configuration), the
token's audience and issuer (showing the token's own aud when refused, to copy into OIDC_AUDIENCE),
the table, the project's configuration, and (for a coordinator's token) what only the backend sees:
the table writable, the spreadsheet bound, shared with and writable by the service account, and the
report link secret. Exit code 0 when nothing failed, 1 otherwise.

  --url URL          the API's base URL, e.g. https://abc.execute-api.eu-west-1.amazonaws.com
  --token ID_TOKEN   a Google ID token as the add-on sends it (paste it; it is never stored)
  --dev-user EMAIL   instead of a token, against a local server in AUTH_MODE=dev (npm start)
  --project ID       the project to check, e.g. imagine
  -h, --help         this help`,
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    'dev-user': { type: 'string' },
    project: { type: 'string' },
  },
  async run(options, io) {
    const url = stringOption(options, 'url')?.replace(/\/+$/, '');
    if (url === undefined || !/^https?:\/\/\S+$/.test(url)) {
      throw new UsageError("--url must be the backend's base URL, e.g. https://api.example.org");
    }
    const token = stringOption(options, 'token')
      ?.trim()
      .replace(/^Bearer\s+/i, '');
    const devUser = stringOption(options, 'dev-user');
    if (token !== undefined && devUser !== undefined)
      throw new UsageError('pass --token or --dev-user, not both');
    const caller: Caller | undefined =
      token !== undefined ? { token } : devUser !== undefined ? { devUser } : undefined;
    return print(await runChecks(url, caller, stringOption(options, 'project')), io);
  },
};
