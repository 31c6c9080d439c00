import { MAX_BODY_BYTES, MAX_CELLS_PER_REQUEST } from '../../../functions/contract/contract';
import { exampleConfigBody } from '../../fixtures/example-config';
import { createTestSigner, TEST_AUDIENCE, unsignedToken } from '../support/sign-test-token';
import { COORDINATOR, EXAMPLE, IFCA, INCD, useApiServer } from './api-test-server';

const api = useApiServer();
const base = '/v1/projects/imagine';
const historyOf = (installationId: string, metricId: string, periodId: string) =>
  `${base}/entries/${installationId}/${metricId}/${periodId}/history`;

function cell(installationId: string, metricId: string, periodId: string, raw: unknown, extra = {}) {
  return { installationId, metricId, periodId, raw, ...extra };
}

describe('routes and status codes', () => {
  beforeEach(async () => {
    const put = await api.call('PUT', `${base}/config`, { as: COORDINATOR, body: EXAMPLE.configBody });
    expect(put.status).toBe(201);
  });

  it.each([
    ['GET', '/health', undefined, 200, undefined],
    ['GET', `${base}/config`, COORDINATOR, 200, undefined],
    ['GET', `${base}/config`, IFCA, 200, undefined],
    ['GET', `${base}/config`, 'stranger@example.org', 403, 'forbidden'],
    ['GET', '/v1/projects/unknown/config', COORDINATOR, 404, 'not-found'],
    ['GET', `${base}/summary?period=PY1`, IFCA, 200, undefined],
    ['GET', `${base}/summary?period=PY9`, COORDINATOR, 400, 'invalid-period'],
    ['GET', `${base}/summary`, COORDINATOR, 400, 'invalid-request'],
    ['GET', `${base}/drafts?period=P1`, COORDINATOR, 200, undefined],
    ['POST', `${base}/drafts?period=P1`, IFCA, 403, 'forbidden'],
    ['GET', historyOf('ifca-cpu', 'cpu-hours', 'P1'), IFCA, 200, undefined],
    ['GET', historyOf('ifca-cpu', 'cpu-hours', 'X1'), IFCA, 400, 'invalid-request'],
    ['GET', '/v1/nowhere', COORDINATOR, 404, 'not-found'],
    ['DELETE', `${base}/config`, COORDINATOR, 405, 'method-not-allowed'],
  ])('%s %s as %s answers %i', async (method, path, as, status, code) => {
    const result = await api.call(method, path, as === undefined ? {} : { as });
    expect(result.status).toBe(status);
    expect(result.headers.get('content-type')).toMatch(/application\/json/);
    if (code !== undefined) {
      expect(result.body).toEqual(expect.objectContaining({ code, message: expect.any(String) }));
    }
  });

  describe('authentication: only a valid Google-style ID token for the configured audience passes', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const stranger = createTestSigner();
    it.each<[string, () => string | undefined, string | undefined]>([
      ['a token signed by an unknown key', () => stranger.sign({}), 'unknown key'],
      ['an expired token', () => api.signer.sign({ iat: now() - 7200, exp: now() - 3600 }), 'expired'],
      [
        'a token for another audience',
        () => api.signer.sign({ aud: 'another-client-id' }),
        'another audience',
      ],
      ['a token from another issuer', () => api.signer.sign({ iss: 'https://issuer.example' }), 'issuer'],
      ['a forged token with alg "none"', () => unsignedToken(api.signer.kid), 'algorithm'],
      ['a token with an unverified e-mail', () => api.signer.sign({ email_verified: false }), 'not verified'],
      ['a token without an e-mail', () => api.signer.sign({ email: undefined }), 'no e-mail'],
      ['garbage', () => 'not-a-jwt', 'not a JWT'],
      ['no token at all', () => undefined, 'Authorization'],
    ])('%s is refused with 401', async (_, token, reason) => {
      const result = await api.call('GET', `${base}/config`, { token: token() });
      expect(result.status).toBe(401);
      expect(result.body.code).toBe('unauthenticated');
      if (reason !== undefined) expect(result.body.message).toContain(reason);
      expect(JSON.stringify(result.body)).not.toContain('eyJ');
    });

    it('refuses the dev header when the server is not in dev mode', async () => {
      const result = await api.call('GET', `${base}/config`, { headers: { 'x-dev-user': COORDINATOR } });
      expect(result.status).toBe(401);
      expect(result.body.message).toContain('AUTH_MODE=dev');
    });

    it('accepts the same token claims when valid', async () => {
      const token = api.signer.sign({ email: 'Coordinator@Imagine.Example.org', aud: TEST_AUDIENCE });
      expect((await api.call('GET', `${base}/config`, { token })).status).toBe(200);
    });
  });

  describe('config', () => {
    it('lets a coordinator replace it and refuses partners', async () => {
      const changed = exampleConfigBody();
      changed.project.title = 'iMagine (renamed)';
      const partner = await api.call('PUT', `${base}/config`, { as: IFCA, body: changed });
      expect(partner.status).toBe(403);
      const coordinator = await api.call('PUT', `${base}/config`, { as: COORDINATOR, body: changed });
      expect(coordinator.status).toBe(200);
      const read = await api.call('GET', `${base}/config`, { as: IFCA });
      expect(read.body.config.project.title).toBe('iMagine (renamed)');
    });

    it('names the field of an invalid config and the mismatching project id', async () => {
      const invalid = exampleConfigBody();
      invalid.project.periodMonths = 5;
      const bad = await api.call('PUT', `${base}/config`, { as: COORDINATOR, body: invalid });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('project, field periodMonths: periodMonths (5) must divide');
      const elsewhere = await api.call('PUT', '/v1/projects/other/config', {
        as: COORDINATOR,
        body: EXAMPLE.configBody,
      });
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.message).toContain('"other"');
    });
  });

  describe('entries', () => {
    it('rejects "SP" in a country list with the suggestion ES, as a 200 with the cell rejected', async () => {
      const result = await api.call('POST', `${base}/entries`, {
        as: IFCA,
        body: { cells: [cell('ifca-cpu', 'countries', 'P2', 'FR, SP, DE', { cell: 'Metrics!E12' })] },
      });
      expect(result.status).toBe(200);
      const [outcome] = result.body.outcomes;
      expect(outcome).toMatchObject({ status: 'rejected', cell: 'Metrics!E12', value: null, version: 1 });
      expect(outcome.issues).toContainEqual(expect.objectContaining({ found: 'SP', suggestion: 'ES' }));
      expect(outcome.message).toContain('did you mean ES');
    });

    it('accepts a partner writing their own installation and answers one outcome per cell, in order', async () => {
      const result = await api.call('POST', `${base}/entries`, {
        as: IFCA,
        body: {
          cells: [
            cell('ifca-cpu', 'cpu-hours', 'P1', '94,656'),
            cell('ifca-cpu', 'users', 'P1', 20),
            cell('ifca-cpu', 'unknown-metric', 'P1', 1),
          ],
        },
      });
      expect(result.status).toBe(200);
      expect(result.body.outcomes.map((o: { status: string }) => o.status)).toEqual([
        'accepted',
        'accepted',
        'rejected',
      ]);
      expect(result.body.outcomes[0]).toMatchObject({ normalized: '94,656', message: '', version: 1 });
      expect(result.body.outcomes[0].value).toEqual({ type: 'number', value: 94656 });
      // A cell the configuration has no row for is answered but never stored.
      expect(result.body.outcomes[2].version).toBeNull();
    });

    it('refuses (403) a partner writing another partner installation and stores nothing', async () => {
      const result = await api.call('POST', `${base}/entries`, {
        as: INCD,
        body: {
          cells: [cell('incd-cpu', 'cpu-hours', 'P2', '174,003'), cell('ifca-cpu', 'cpu-hours', 'P2', '1')],
        },
      });
      expect(result.status).toBe(403);
      expect(result.body.message).toContain('ifca-cpu');
      for (const [installation, metric] of [
        ['ifca-cpu', 'cpu-hours'],
        ['incd-cpu', 'cpu-hours'],
      ] as const) {
        const history = await api.call('GET', historyOf(installation, metric, 'P2'), { as: COORDINATOR });
        expect(history.body.items).toEqual([]);
      }
    });

    it('keeps a formula only as text in the history, rejected, never as the current value', async () => {
      const formula = '=HYPERLINK("http://evil.example","ES")';
      await api.call('POST', `${base}/entries`, {
        as: IFCA,
        body: { cells: [cell('ifca-cpu', 'countries', 'P1', 'FR, ES')] },
      });
      const result = await api.call('POST', `${base}/entries`, {
        as: IFCA,
        body: { cells: [cell('ifca-cpu', 'countries', 'P1', formula)] },
      });
      expect(result.body.outcomes[0]).toMatchObject({ status: 'rejected', normalized: '', value: null });
      const history = await api.call('GET', historyOf('ifca-cpu', 'countries', 'P1'), { as: IFCA });
      expect(history.body.items).toEqual([
        expect.objectContaining({ version: 1, raw: 'FR, ES', status: 'accepted', current: true }),
        expect.objectContaining({
          version: 2,
          raw: formula,
          status: 'rejected',
          current: false,
          value: null,
        }),
      ]);
      expect(typeof history.body.items[1].raw).toBe('string');
    });

    it('gives 50 concurrent POSTs on one cell 50 distinct versions', async () => {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          api.call('POST', `${base}/entries`, {
            as: IFCA,
            body: { cells: [cell('ifca-cpu', 'cpu-hours', 'P2', 1000 + index)] },
          }),
        ),
      );
      expect(results.map((result) => result.status)).toEqual(Array(50).fill(200));
      const versions = results.map((result) => result.body.outcomes[0].version).sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
      const history = await api.call('GET', historyOf('ifca-cpu', 'cpu-hours', 'P2'), { as: IFCA });
      expect(history.body.items).toHaveLength(50);
    }, 60_000);

    it('stores a retried POST (same requestId) once', async () => {
      const body = { requestId: 'edit-42', cells: [cell('ifca-gpu', 'gpu-hours', 'P1', '10,800')] };
      const first = await api.call('POST', `${base}/entries`, { as: IFCA, body });
      const retry = await api.call('POST', `${base}/entries`, { as: IFCA, body });
      expect(retry.body.outcomes[0].version).toBe(first.body.outcomes[0].version);
      const history = await api.call('GET', historyOf('ifca-gpu', 'gpu-hours', 'P1'), { as: IFCA });
      expect(history.body.items).toHaveLength(1);
    });

    it('answers 409 when the cell moved past the version the editor started from', async () => {
      await api.call('POST', `${base}/entries`, {
        as: IFCA,
        body: { cells: [cell('ifca-gpu', 'gpu-hours', 'P2', '3,600')] },
      });
      const stale = await api.call('POST', `${base}/entries`, {
        as: IFCA,
        body: { cells: [cell('ifca-gpu', 'gpu-hours', 'P2', '3,700', { expectedVersion: 0 })] },
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'version-conflict' });
      const fresh = await api.call('POST', `${base}/entries`, {
        as: IFCA,
        body: { cells: [cell('ifca-gpu', 'gpu-hours', 'P2', '3,700', { expectedVersion: 1 })] },
      });
      expect(fresh.status).toBe(200);
      expect(fresh.body.outcomes[0].version).toBe(2);
    });

    it.each<[string, number, string, unknown]>([
      ['malformed JSON', 400, 'malformed-body', '{"cells": ['],
      ['an empty body', 400, 'malformed-body', ''],
      ['a body without cells', 400, 'invalid-request', { rows: [] }],
      [
        'a cell without a period',
        400,
        'invalid-request',
        { cells: [{ installationId: 'ifca-cpu', metricId: 'cpu-hours', raw: 1 }] },
      ],
      [
        `${MAX_CELLS_PER_REQUEST + 1} cells`,
        413,
        'payload-too-large',
        {
          cells: Array.from({ length: MAX_CELLS_PER_REQUEST + 1 }, () =>
            cell('ifca-cpu', 'cpu-hours', 'P1', 1),
          ),
        },
      ],
      [
        'a body over 1 MiB',
        413,
        'payload-too-large',
        { cells: [cell('ifca-cpu', 'countries', 'P1', 'ES, '.repeat(MAX_BODY_BYTES / 4 + 1))] },
      ],
    ])('answers %s with %i %s', async (_, status, code, body) => {
      const result = await api.call('POST', `${base}/entries`, { as: IFCA, body });
      expect(result.status).toBe(status);
      expect(result.body).toMatchObject({ code, message: expect.any(String) });
    });

    it('names the field of an invalid cell', async () => {
      const result = await api.call('POST', `${base}/entries`, {
        as: IFCA,
        body: { cells: [cell('ifca-cpu', 'cpu-hours', 'P1', 1), cell('ifca-cpu', 'cpu-hours', 'Q1', 1)] },
      });
      expect(result.status).toBe(400);
      expect(result.body.message).toContain('cells[1].periodId');
    });
  });
});

describe('the example, entered through the API', () => {
  beforeEach(async () => {
    await api.seedExample();
  }, 60_000);

  it('sums PY1 as the CLI and the seed do: 662,547 CPU-hours, 14,400 GPU-hours, 33.4 TB-month', async () => {
    const result = await api.call('GET', `${base}/summary?period=PY1`, { as: COORDINATOR });
    expect(result.status).toBe(200);
    const used = Object.fromEntries(
      result.body.summary.budgets.map((budget: { id: string; usedInWindow: number }) => [
        budget.id,
        budget.usedInWindow,
      ]),
    );
    expect(used).toEqual({ 'cpu-hours': 662547, 'gpu-hours': 14400, 'storage-tb-month': 33.4 });
    const headlines = result.body.headlines.join('\n');
    expect(headlines).toContain('662,547 CPU-hours');
    expect(headlines).toContain('14,400 GPU-hours');
    expect(headlines).toContain('33.4 TB-month');
    expect(headlines).toMatch(/CPU and GPU-hours: .* 89% of/);
    expect(headlines).toMatch(/storage: .* 98% of/);
  });

  it('stores drafts and never replaces one a person edited', async () => {
    const first = await api.call('POST', `${base}/drafts?period=PY1`, { as: COORDINATOR });
    expect(first.status).toBe(200);
    expect(first.body.stored).toContain('ifca-cpu');
    const edit = await api.call('PUT', `${base}/drafts/ifca-cpu?period=PY1`, {
      as: IFCA,
      body: { text: '  Written by hand.  ' },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.draft).toMatchObject({ text: 'Written by hand.', origin: 'edited', editedBy: IFCA });
    const again = await api.call('POST', `${base}/drafts?period=PY1`, { as: COORDINATOR });
    expect(again.body.keptEdited).toEqual(['ifca-cpu']);
    const listed = await api.call('GET', `${base}/drafts?period=PY1`, { as: IFCA });
    const ifca = listed.body.drafts.find(
      (draft: { installationId: string }) => draft.installationId === 'ifca-cpu',
    );
    expect(ifca).toMatchObject({ text: 'Written by hand.', origin: 'edited' });
  });

  it.each([
    ["a partner editing another partner's draft", INCD, 'ifca-cpu', { text: 'Mine now.' }, 403, 'forbidden'],
    ['an unknown installation', COORDINATOR, 'nowhere', { text: 'Text.' }, 404, 'not-found'],
    ['an empty text', COORDINATOR, 'ifca-cpu', { text: '   ' }, 400, 'invalid-request'],
    [
      'a text over 20,000 characters',
      COORDINATOR,
      'ifca-cpu',
      { text: 'x'.repeat(20_001) },
      400,
      'invalid-request',
    ],
    ['no text at all', COORDINATOR, 'ifca-cpu', { words: 'Text.' }, 400, 'invalid-request'],
  ])('refuses to save a draft for %s', async (_case, who, installationId, body, status, code) => {
    const result = await api.call('PUT', `${base}/drafts/${installationId}?period=PY1`, { as: who, body });
    expect(result.status).toBe(status);
    expect(result.body.code).toBe(code);
    const listed = await api.call('GET', `${base}/drafts?period=PY1`, { as: COORDINATOR });
    expect(listed.body.drafts).toEqual([]);
  });
});
