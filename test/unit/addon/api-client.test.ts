import {
  ApiClient,
  type HttpAnswer,
  type HttpRequest,
  interpret,
} from '../../../sheets-addon/core/api-client';

describe('how the add-on reads the API’s answers', () => {
  it.each<[string, HttpAnswer, string]>([
    ['a 200', { kind: 'answered', status: 200, text: '{"status":"ok"}' }, 'ok'],
    [
      'a 403 with the API sentence',
      { kind: 'answered', status: 403, text: '{"code":"forbidden","message":"Only coordinators may x"}' },
      'refused',
    ],
    [
      'a 503',
      { kind: 'answered', status: 503, text: '{"code":"storage-unavailable","message":"down"}' },
      'unavailable',
    ],
    ['a 429', { kind: 'answered', status: 429, text: 'slow down' }, 'unavailable'],
    ['no answer at all', { kind: 'unreachable', reason: 'timeout' }, 'unavailable'],
  ])('treats %s as %s', (_, answer, kind) => {
    expect(interpret(answer).kind).toBe(kind);
  });

  it('keeps the API’s own sentence for a refusal, to show a person as is', () => {
    const result = interpret({
      kind: 'answered',
      status: 403,
      text: '{"code":"forbidden","message":"Only coordinators may x"}',
    });
    expect(result).toEqual({
      kind: 'refused',
      status: 403,
      code: 'forbidden',
      message: 'Only coordinators may x',
    });
  });

  it('reads a proxy’s HTML 502 as a sentence naming the page, not as markup', () => {
    const page =
      '<html><head><title>502 Bad Gateway</title><style>body{}</style></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>';
    const result = interpret({ kind: 'answered', status: 502, text: page });
    expect(result.kind).toBe('unavailable');
    const message = result.kind === 'unavailable' ? result.message : '';
    expect(message).toContain('HTTP 502');
    expect(message).toContain('"502 Bad Gateway"');
    expect(message).toContain('not the va-assess API');
    expect(message).not.toContain('<');
  });

  it('treats a 200 that is not JSON (a web site at a mistyped URL) as unavailable, so nothing counts as sent', () => {
    const result = interpret({
      kind: 'answered',
      status: 200,
      text: '<!DOCTYPE html><html><body><p>Welcome to   our   site</p></body></html>',
    });
    expect(result.kind).toBe('unavailable');
    expect(result.kind === 'unavailable' && result.message).toContain('"Welcome to our site"');
    expect(interpret({ kind: 'answered', status: 200, text: '' }).kind).toBe('unavailable');
  });

  it('names what a non-JSON refusal said, with the status as its code', () => {
    const result = interpret({ kind: 'answered', status: 404, text: 'Not Found' });
    expect(result).toMatchObject({ kind: 'refused', status: 404, code: 'http-404' });
    expect(result.kind === 'refused' && result.message).toContain('"Not Found"');
  });

  it('sends the identity token and the editor the trigger acts for', () => {
    const seen: HttpRequest[] = [];
    const client = new ApiClient(
      { backendUrl: 'https://api.example.org/', projectId: 'imagine' },
      (request) => {
        seen.push(request);
        return { kind: 'answered', status: 200, text: '{"outcomes":[]}' };
      },
      () => 'token-1',
    );
    client.postEntries([{ installationId: 'a', metricId: 'b', periodId: 'P1', raw: 1 }], {
      editor: 'p@example.org',
      via: 'document-trigger',
    });
    client.health();
    expect(seen[0]).toEqual({
      method: 'POST',
      url: 'https://api.example.org/v1/projects/imagine/entries',
      token: 'token-1',
      body: {
        actingFor: { editor: 'p@example.org', via: 'document-trigger' },
        cells: [{ installationId: 'a', metricId: 'b', periodId: 'P1', raw: 1 }],
      },
    });
    expect(seen[1]).toEqual({ method: 'GET', url: 'https://api.example.org/health' });
  });
});
