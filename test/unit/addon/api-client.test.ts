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
