import { Readable } from 'node:stream';
import * as functions from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { handleApiRequest } from '../../../functions/api/handle-request';
import { createHttpHandler } from '../../../functions/api/router';
import { MAX_BODY_BYTES } from '../../../functions/contract/contract';
import { generatedBody, rawRequest } from '../support/raw-http';
import { COORDINATOR, EXAMPLE, IFCA, testContainer, useApiServer } from './api-test-server';

const api = useApiServer({ authMode: 'dev' });
const base = '/v1/projects/imagine';
const HUNDRED_MB = 100 * 1024 * 1024;
const asCoordinator = { 'x-dev-user': COORDINATOR };

describe('the 1 MiB body limit, before the body is buffered and before any token work', () => {
  it('refuses a declared 100 MB body at once with 413, unauthenticated, and keeps serving', async () => {
    const body = generatedBody(HUNDRED_MB);
    const refused = await rawRequest(api.baseUrl, {
      method: 'POST',
      path: `${base}/entries`,
      headers: { 'content-type': 'application/json', 'content-length': HUNDRED_MB },
      body: body.stream,
    });
    expect(refused.status).toBe(413);
    expect(refused.body).toEqual({
      code: 'payload-too-large',
      message:
        'The request body has 104,857,600 bytes; at most 1,048,576 are accepted: send a large paste in several requests',
    });
    expect((await api.call('GET', '/health')).status).toBe(200);
  });

  it('refuses a body streamed without Content-Length as soon as it passes 1 MiB', async () => {
    const refused = await rawRequest(api.baseUrl, {
      method: 'POST',
      path: `${base}/entries`,
      headers: { 'content-type': 'application/json', ...asCoordinator },
      body: generatedBody(HUNDRED_MB).stream,
    });
    expect(refused.status).toBe(413);
    expect(refused.body.code).toBe('payload-too-large');
    expect(refused.body.message).toBe(
      'The request body went past 1,048,576 bytes, the most accepted, while it was being sent: send a large paste in several requests',
    );
  });

  it('answers "Expect: 100-continue" with 413, so the client never sends the body', async () => {
    const refused = await rawRequest(api.baseUrl, {
      method: 'PUT',
      path: `${base}/config`,
      headers: { expect: '100-continue', 'content-length': 2 * MAX_BODY_BYTES, ...asCoordinator },
      body: 'x'.repeat(2 * MAX_BODY_BYTES),
    });
    expect(refused.status).toBe(413);
    expect(refused.body.code).toBe('payload-too-large');
    expect(refused.bytesSent).toBe(0);
  });

  it('still takes a body streamed without Content-Length under the limit, and one sent after a 100-continue', async () => {
    const put = await api.call('PUT', `${base}/config`, { headers: asCoordinator, body: EXAMPLE.configBody });
    expect(put.status).toBe(201);
    const cells = {
      cells: [{ installationId: 'ifca-cpu', metricId: 'cpu-hours', periodId: 'P1', raw: '94,656' }],
    };
    const streamed = await rawRequest(api.baseUrl, {
      method: 'POST',
      path: `${base}/entries`,
      headers: { 'content-type': 'application/json', 'x-dev-user': IFCA },
      body: Readable.from([Buffer.from(JSON.stringify(cells))]),
    });
    expect(streamed.status).toBe(200);
    expect(streamed.body.outcomes[0]).toMatchObject({ status: 'accepted', version: 1 });
    const text = JSON.stringify(cells);
    const continued = await rawRequest(api.baseUrl, {
      method: 'POST',
      path: `${base}/entries`,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        expect: '100-continue',
        'x-dev-user': IFCA,
      },
      body: text,
    });
    expect(continued.status).toBe(200);
  });

  it('is checked by the router itself where the platform buffered the body first (deployed Cloud Functions)', async () => {
    // The Functions Framework's server exactly as deployed: no local guard in front of it.
    functions.http(
      'vaAssessApiAsDeployed',
      createHttpHandler(() => api.container),
    );
    const server = getTestServer('vaAssessApiAsDeployed');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address() as { port: number };
      const bigJson = JSON.stringify({ cells: [], padding: 'x'.repeat(2 * MAX_BODY_BYTES) });
      const response = await fetch(`http://127.0.0.1:${address.port}${base}/entries`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: bigJson,
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ code: 'payload-too-large' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is refused from the declared length in the router too, before authentication, on every route', async () => {
    for (const [method, path] of [
      ['POST', `${base}/entries`],
      ['GET', '/health'],
      ['PUT', '/v1/nowhere'],
    ] as const) {
      const response = await handleApiRequest(
        {
          method,
          path,
          query: {},
          headers: { 'content-length': String(HUNDRED_MB) },
          remoteAddress: '127.0.0.1',
        },
        () => api.container,
      );
      expect(response.status).toBe(413);
    }
  });
});

describe('the dev mode answers only requests addressed to a loopback name (DNS rebinding)', () => {
  beforeEach(async () => {
    const put = await api.call('PUT', `${base}/config`, { headers: asCoordinator, body: EXAMPLE.configBody });
    expect(put.status).toBe(201);
  });

  it.each(['localhost', 'LocalHost:8080', '127.0.0.1', '127.0.0.1:40123', '[::1]', '[::1]:8080'])(
    'accepts Host: %s',
    async (host) => {
      const result = await rawRequest(api.baseUrl, {
        method: 'GET',
        path: `${base}/config`,
        headers: { host, ...asCoordinator },
      });
      expect(result.status).toBe(200);
    },
  );

  it.each([
    'evil.example',
    'evil.example:8080',
    'localhost.evil.example',
    '127.0.0.1.nip.io',
    'localhost:evil',
  ])('refuses Host: %s with 403 and says why, whatever the dev header says', async (host) => {
    const result = await rawRequest(api.baseUrl, {
      method: 'GET',
      path: `${base}/config`,
      headers: { host, ...asCoordinator },
    });
    expect(result.status).toBe(403);
    expect(result.body.code).toBe('forbidden');
    expect(result.body.message).toContain(`addressed to "${host}"`);
    expect(result.body.message).toContain('DNS rebinding');
  });

  it('refuses every request so addressed, public routes included', async () => {
    const health = await rawRequest(api.baseUrl, {
      method: 'GET',
      path: '/health',
      headers: { host: 'evil.example' },
    });
    expect(health.status).toBe(403);
  });

  it('leaves the Host alone outside the dev mode (a deployed API is reached by its own name)', async () => {
    const oidc = testContainer(api.harness.local.endpoint, api.harness.tableName, api.signer, 'oidc');
    const response = await handleApiRequest(
      {
        method: 'GET',
        path: `${base}/config`,
        query: {},
        headers: { host: 'api.example.org', authorization: `Bearer ${api.signer.sign({ email: IFCA })}` },
        remoteAddress: '192.0.2.10',
      },
      () => oidc,
    );
    expect(response.status).toBe(200);
  });
});

describe('each error names its real cause', () => {
  beforeEach(async () => {
    const put = await api.call('PUT', `${base}/config`, { headers: asCoordinator, body: EXAMPLE.configBody });
    expect(put.status).toBe(201);
  });

  it('answers a path with a broken percent-encoding 400 malformed-path, naming the segment', async () => {
    const result = await api.call('POST', '/v1/projects/%E0%A4%A/entries', {
      headers: asCoordinator,
      body: { cells: [] },
    });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('malformed-path');
    expect(result.body.message).toContain('"%E0%A4%A"');
    expect(result.body.message).not.toContain('body');
  });

  it.each([
    ['[]', 'an array'],
    ['42', 'a number'],
    ['"x"', 'a string'],
    ['null', 'null'],
    ['true', 'a boolean'],
  ])('says a body of %s is JSON but not an object (found %s)', async (text, found) => {
    const result = await api.call('PUT', `${base}/config`, {
      headers: { ...asCoordinator, 'content-type': 'application/json' },
      body: text,
    });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('malformed-body');
    expect(result.body.message).toContain(`body is JSON but not an object: found ${found};`);
    expect(result.body.message).not.toContain('not valid JSON');
  });

  it('still calls text that is not JSON not valid JSON', async () => {
    const result = await api.call('PUT', `${base}/config`, { headers: asCoordinator, body: '{"project": ' });
    expect(result.status).toBe(400);
    expect(result.body.message).toContain('not valid JSON');
  });
});

describe('answers as the router writes them', () => {
  it('declares the length of an answer in bytes, so one with several-byte characters arrives whole', async () => {
    await api.call('PUT', `${base}/config`, { headers: asCoordinator, body: EXAMPLE.configBody });
    const answer = await rawRequest(api.baseUrl, {
      method: 'POST',
      path: `${base}/entries`,
      headers: { 'content-type': 'application/json', ...asCoordinator },
      body: JSON.stringify({
        cells: [{ installationId: 'ifca-cpu', metricId: 'cpu-hours', periodId: 'P2', raw: 1e308 }],
      }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    // The message names the installation and period with "–" and "›": three bytes each in UTF-8.
    const message: string = answer.body.outcomes[0].message;
    expect(message).toContain('›');
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(answer.body)));
  });
});
