import { createLambdaHandler, type HttpApiEvent } from '../../../functions/api/lambda';
import { MAX_BODY_BYTES } from '../../../functions/contract/contract';
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

  it('refuses a body over 1 MiB from the event before decoding it and before authentication', async () => {
    const twoMiB = 'x'.repeat(2 * MAX_BODY_BYTES);
    for (const body of [
      { body: Buffer.from(twoMiB).toString('base64'), isBase64Encoded: true },
      { body: twoMiB, isBase64Encoded: false },
    ]) {
      const refused = await handler({ ...event('POST', '/v1/projects/imagine/entries'), ...body });
      expect(refused.statusCode).toBe(413);
      expect(JSON.parse(refused.body)).toMatchObject({
        code: 'payload-too-large',
        message: expect.stringContaining('2,097,152 bytes'),
      });
    }
  });

  it('names the real cause of a broken path and of a body that is JSON but not an object', async () => {
    const path = await handler(event('GET', '/v1/projects/%E0%A4%A/config', { as: COORDINATOR }));
    expect(path.statusCode).toBe(400);
    expect(JSON.parse(path.body)).toMatchObject({
      code: 'malformed-path',
      message: expect.stringContaining('"%E0%A4%A"'),
    });
    const array = await handler(event('POST', '/v1/projects/imagine/entries', { as: COORDINATOR, body: [] }));
    expect(array.statusCode).toBe(400);
    expect(JSON.parse(array.body).message).toContain('JSON but not an object: found an array');
  });
});
