import { createLambdaHandler, type HttpApiEvent } from '../../../functions/api/lambda';
import { COORDINATOR, IFCA, useApiServer } from './api-test-server';

/** The Lambda adapter runs the same routes without Express: an API Gateway HTTP API v2 event in, a result out. */
describe('Lambda adapter', () => {
  const api = useApiServer();
  const handler = createLambdaHandler(() => api.container);

  const event = (
    method: string,
    path: string,
    options: { as?: string; query?: string; body?: unknown } = {},
  ) =>
    ({
      rawPath: path,
      rawQueryString: options.query ?? '',
      headers: {
        'content-type': 'application/json',
        ...(options.as === undefined
          ? {}
          : { authorization: `Bearer ${api.signer.sign({ email: options.as })}` }),
      },
      ...(options.body === undefined
        ? {}
        : { body: Buffer.from(JSON.stringify(options.body)).toString('base64'), isBase64Encoded: true }),
      requestContext: { http: { method, sourceIp: '198.51.100.7' } },
    }) satisfies HttpApiEvent;

  beforeEach(async () => {
    await api.seedExample();
  }, 60_000);

  it('serves the summary and entries like the Functions Framework router', async () => {
    const summary = await handler(
      event('GET', '/v1/projects/imagine/summary', { as: IFCA, query: 'period=PY1' }),
    );
    expect(summary.statusCode).toBe(200);
    expect(summary.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(summary.body).headlines.join('\n')).toContain('662,547 CPU-hours');

    const posted = await handler(
      event('POST', '/v1/projects/imagine/entries', {
        as: IFCA,
        body: { cells: [{ installationId: 'ifca-cpu', metricId: 'countries', periodId: 'P2', raw: 'SP' }] },
      }),
    );
    expect(posted.statusCode).toBe(200);
    expect(JSON.parse(posted.body).outcomes[0]).toMatchObject({ status: 'rejected' });
  });

  it('maps errors the same way: malformed JSON 400, no token 401, wrong role 403', async () => {
    const malformed = await handler({
      ...event('POST', '/v1/projects/imagine/entries', { as: COORDINATOR }),
      body: '{"cells": [',
    });
    expect(malformed.statusCode).toBe(400);
    expect(JSON.parse(malformed.body).code).toBe('malformed-body');
    expect((await handler(event('GET', '/v1/projects/imagine/config'))).statusCode).toBe(401);
    expect(
      (await handler(event('POST', '/v1/projects/imagine/drafts', { as: IFCA, query: 'period=P1' })))
        .statusCode,
    ).toBe(403);
    expect((await handler(event('GET', '/health'))).statusCode).toBe(200);
  });
});
