import { type HttpApiEvent, lambdaHandlerFor } from '../../../functions/api/lambda';
import { apiPaths } from '../../../functions/contract/contract';
import { signedReportQuery } from '../../../functions/report/report-link';
import {
  type LocalSecretsManager,
  startLocalSecretsManager,
} from '../../../local/secrets-manager/local-secrets-manager';
import { COORDINATOR, useApiServer } from '../api/api-test-server';
import { TEST_AUDIENCE } from '../support/sign-test-token';

const REPORT_LINK_SECRET = 'secrets-manager-report-link-secret-0123456789abcdef';
const SERVICE_ACCOUNT_EMAIL = 'sheets-writer@va-assess-test.iam.gserviceaccount.com';
const PRIVATE_KEY_MARKER = 'test-private-key-never-logged';
const TOO_SHORT = 'short-secret-value';

const event = (rawPath: string, rawQueryString = '', headers: Record<string, string> = {}): HttpApiEvent => ({
  rawPath,
  rawQueryString,
  headers,
  requestContext: { http: { method: 'GET' } },
});

/**
 * On AWS the function gets the ARNs of its secrets, never their values, and reads them from Secrets
 * Manager at cold start. Here the real Lambda handler reads them from the local stand-in of
 * GetSecretValue, and serves a signed report link and the service account with them.
 */
describe('the Lambda handler with its secrets in Secrets Manager', () => {
  const api = useApiServer();
  let secrets: LocalSecretsManager;
  let logged: string[];

  beforeAll(async () => {
    secrets = await startLocalSecretsManager([
      { name: 'va-assess/report-link', value: REPORT_LINK_SECRET },
      {
        name: 'va-assess/sheets-key',
        value: JSON.stringify({
          type: 'service_account',
          client_email: SERVICE_ACCOUNT_EMAIL,
          private_key: PRIVATE_KEY_MARKER,
        }),
      },
      { name: 'va-assess/too-short', value: TOO_SHORT },
    ]);
  });

  afterAll(() => secrets.close());

  beforeEach(() => {
    logged = [];
    jest.spyOn(console, 'error').mockImplementation((line: unknown) => {
      logged.push(String(line));
    });
  });

  afterEach(() => jest.restoreAllMocks());

  const environment = (extra: Record<string, string>) => ({
    TABLE_NAME: api.harness.tableName,
    DYNAMODB_ENDPOINT: api.harness.local.endpoint,
    AWS_REGION: 'local',
    OIDC_AUDIENCE: TEST_AUDIENCE,
    SECRETS_MANAGER_ENDPOINT: secrets.endpoint,
    ...extra,
  });

  const handlerWith = (extra: Record<string, string>) =>
    lambdaHandlerFor(environment(extra), {
      signingKeys: async () => api.signer.publicKeys,
      log: (line) => logged.push(line),
    });

  it('serves a report link signed with the secret it read, and the service account of the key it read', async () => {
    await api.seedExample();
    const handler = handlerWith({
      REPORT_LINK_SECRET_ARN: secrets.arnOf('va-assess/report-link'),
      SHEETS_SERVICE_ACCOUNT_KEY_ARN: secrets.arnOf('va-assess/sheets-key'),
    });
    const claims = {
      projectId: 'imagine',
      period: 'PY1',
      format: 'md' as const,
      expires: Math.floor(Date.now() / 1000) + 600,
    };
    const report = await handler(
      event(
        apiPaths.report('imagine', 'PY1', 'md').split('?')[0] ?? '',
        signedReportQuery(claims, REPORT_LINK_SECRET),
      ),
    );
    expect(report.statusCode).toBe(200);

    const forged = await handler(
      event(
        apiPaths.report('imagine', 'PY1', 'md').split('?')[0] ?? '',
        signedReportQuery(claims, 'another-secret-of-at-least-32-characters!!'),
      ),
    );
    expect(forged).toMatchObject({ statusCode: 403 });
    expect(JSON.parse(forged.body)).toMatchObject({ code: 'report-link-invalid' });

    const sheet = await handler(
      event(apiPaths.sheet('imagine'), '', {
        authorization: `Bearer ${api.signer.sign({ email: COORDINATOR })}`,
      }),
    );
    expect(sheet.statusCode).toBe(200);
    expect(JSON.parse(sheet.body)).toMatchObject({ serviceAccountEmail: SERVICE_ACCOUNT_EMAIL });
    // Read once, at the cold start, not once per request.
    expect(secrets.calls.get('secretsmanager.GetSecretValue')).toBe(2);
  });

  it('answers 500 misconfigured naming the variable when the ARN names no secret, and says why in the log', async () => {
    const missing = secrets.arnOf('va-assess/report-link').replace('report-link', 'no-such-secret');
    const handler = handlerWith({ REPORT_LINK_SECRET_ARN: missing });
    const health = await handler(event('/health'));
    expect(health.statusCode).toBe(500);
    expect(JSON.parse(health.body)).toMatchObject({
      code: 'misconfigured',
      message: expect.stringContaining('REPORT_LINK_SECRET_ARN'),
    });
    expect(logged.join('\n')).toContain(`REPORT_LINK_SECRET_ARN: the secret ${missing} cannot be used`);
    expect(logged.join('\n')).toContain('ResourceNotFoundException');
  });

  it('refuses a secret too short to sign links, without ever printing its value', async () => {
    const handler = handlerWith({ REPORT_LINK_SECRET_ARN: secrets.arnOf('va-assess/too-short') });
    const health = await handler(event('/health'));
    expect(health.statusCode).toBe(500);
    expect(JSON.parse(health.body)).toMatchObject({ code: 'misconfigured' });
    const log = logged.join('\n');
    expect(log).toContain('at least 32 characters');
    expect(log).not.toContain(TOO_SHORT);
  });

  it('refuses an ARN and a plain value of the same secret together', async () => {
    const handler = handlerWith({
      REPORT_LINK_SECRET: REPORT_LINK_SECRET,
      REPORT_LINK_SECRET_ARN: secrets.arnOf('va-assess/report-link'),
    });
    const health = await handler(event('/health'));
    expect(JSON.parse(health.body)).toMatchObject({
      code: 'misconfigured',
      message: expect.stringContaining('REPORT_LINK_SECRET_ARN'),
    });
  });

  it('answers /health 500 misconfigured without OIDC_AUDIENCE, as docs/deploy.md says', async () => {
    const handler = lambdaHandlerFor({ ...environment({}), OIDC_AUDIENCE: '' });
    const health = await handler(event('/health'));
    expect(health.statusCode).toBe(500);
    expect(JSON.parse(health.body)).toMatchObject({
      code: 'misconfigured',
      message: expect.stringContaining('OIDC_AUDIENCE'),
    });
  });
});

/** The stand-in refuses what AWS refuses, with AWS's error shape. */
describe('the local Secrets Manager', () => {
  let secrets: LocalSecretsManager;
  beforeAll(async () => {
    secrets = await startLocalSecretsManager([{ name: 'one', value: 'x' }]);
  });
  afterAll(() => secrets.close());

  const call = (target: string, body: unknown, authorization = 'AWS4-HMAC-SHA256 Credential=local/x') =>
    fetch(secrets.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target, authorization },
      body: JSON.stringify(body),
    }).then(async (response) => ({ status: response.status, body: await response.json() }));

  it('refuses other operations, unsigned requests and unknown fields', async () => {
    expect(await call('secretsmanager.ListSecrets', {})).toEqual({
      status: 400,
      body: { __type: 'UnknownOperationException', message: expect.stringContaining('ListSecrets') },
    });
    expect((await call('secretsmanager.GetSecretValue', { SecretId: 'one' }, '')).body).toMatchObject({
      __type: 'MissingAuthenticationTokenException',
    });
    expect((await call('secretsmanager.GetSecretValue', { SecretId: 'one', Extra: 1 })).body).toMatchObject({
      __type: 'SerializationException',
    });
    expect((await call('secretsmanager.GetSecretValue', { SecretId: 'two' })).body).toMatchObject({
      __type: 'ResourceNotFoundException',
    });
    expect((await call('secretsmanager.GetSecretValue', { SecretId: 'one' })).body).toMatchObject({
      ARN: secrets.arnOf('one'),
      Name: 'one',
      SecretString: 'x',
      VersionStages: ['AWSCURRENT'],
    });
  });
});
