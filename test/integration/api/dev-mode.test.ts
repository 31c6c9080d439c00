import { handleApiRequest } from '../../../functions/api/handle-request';
import { ConfigurationError, parseEnv } from '../../../functions/commons/env';
import { COORDINATOR, EXAMPLE, IFCA, useApiServer } from './api-test-server';

/** The local mode of `npm start`: X-Dev-User instead of a token, from the loopback only. */
describe('AUTH_MODE=dev', () => {
  const api = useApiServer({ authMode: 'dev' });
  const config = '/v1/projects/imagine/config';

  beforeEach(async () => {
    const put = await api.call('PUT', config, {
      headers: { 'x-dev-user': COORDINATOR },
      body: EXAMPLE.configBody,
    });
    expect(put.status).toBe(201);
  });

  it('takes the caller from X-Dev-User on 127.0.0.1 and still applies the roles', async () => {
    expect((await api.call('GET', config, { headers: { 'x-dev-user': IFCA } })).status).toBe(200);
    const partner = await api.call('PUT', config, {
      headers: { 'x-dev-user': IFCA },
      body: EXAMPLE.configBody,
    });
    expect(partner.status).toBe(403);
    const notAnEmail = await api.call('GET', config, { headers: { 'x-dev-user': 'someone' } });
    expect(notAnEmail.status).toBe(401);
  });

  it('still verifies a bearer token when one is sent', async () => {
    expect((await api.call('GET', config, { token: 'forged.token.here' })).status).toBe(401);
  });

  it('refuses X-Dev-User from any other address, whatever X-Forwarded-For says', async () => {
    const response = await handleApiRequest(
      {
        method: 'GET',
        path: config,
        query: {},
        headers: { 'x-dev-user': COORDINATOR, 'x-forwarded-for': '127.0.0.1' },
        remoteAddress: '192.0.2.10',
      },
      () => api.container,
    );
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'unauthenticated' });
  });

  it.each([
    ['on AWS Lambda', { AWS_LAMBDA_FUNCTION_NAME: 'va-assess-api' }, 'AUTH_MODE'],
    ['on Cloud Functions', { K_SERVICE: 'va-assess-api' }, 'AUTH_MODE'],
    ['on Cloud Functions (FUNCTION_TARGET)', { FUNCTION_TARGET: 'vaAssessApi' }, 'AUTH_MODE'],
    ['bound to all interfaces', { HOST: '0.0.0.0' }, 'HOST'],
  ])('refuses to start %s', (_, extra, variable) => {
    const attempt = () => parseEnv({ TABLE_NAME: 't', AUTH_MODE: 'dev', ...extra });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(variable);
  });

  it('is never the default: without AUTH_MODE an audience is required', () => {
    expect(() => parseEnv({ TABLE_NAME: 't' })).toThrow('OIDC_AUDIENCE');
    expect(parseEnv({ TABLE_NAME: 't', OIDC_AUDIENCE: 'client-id' }).AUTH_MODE).toBe('oidc');
  });
});
