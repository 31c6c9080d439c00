import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localAccessToken, startLocalSheetsApi } from '../../../local/sheets-api';
import { rawRequest } from '../support/raw-http';
import { streamUntilClosed } from '../support/stream-until-closed';
import { apiFailure, OWNER, SERVICE, sheetsClientAs, useLocalSheetsApi } from './local-sheets-api-harness';

/**
 * The local Sheets API runs on a developer's machine. A web page (DNS rebinding, a
 * cross-origin POST) must not reach it, and no single request may take it down.
 */
const { server } = useLocalSheetsApi();
const MB = 1024 * 1024;

const bearer = (email: string) => ({ authorization: `Bearer ${localAccessToken(email)}` });

function newSpreadsheet(): string {
  return server().createSpreadsheet({ title: 'Safety', owner: OWNER, sharedWith: [SERVICE] });
}

/** A batchUpdate body of about `bytes` bytes: notes of 40,000 characters on cells A1, A2, ... */
function batchBodyOf(bytes: number): string {
  const NOTE = 40_000;
  return JSON.stringify({
    requests: Array.from({ length: Math.ceil(bytes / NOTE) }, (_, row) => ({
      repeatCell: {
        range: {
          sheetId: 0,
          startRowIndex: row,
          endRowIndex: row + 1,
          startColumnIndex: 0,
          endColumnIndex: 1,
        },
        cell: { note: 'n'.repeat(NOTE) },
        fields: 'note',
      },
    })),
  });
}

describe('a web page cannot reach the local Sheets API', () => {
  it.each([
    ['/v4/spreadsheets/x', 'GET'],
    ['/__local/spreadsheets', 'GET'],
    ['/__local/requests', 'GET'],
  ])('refuses Host: evil.example on %s with 403', async (path, method) => {
    const answer = await rawRequest(server().rootUrl, {
      method,
      path,
      headers: { host: 'evil.example', ...bearer(SERVICE) },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toContain('evil.example');
  });

  it('refuses a share from a foreign page origin, and a share sent as text/plain, and shares nothing', async () => {
    const id = newSpreadsheet();
    const share = (headers: Record<string, string>) =>
      rawRequest(server().rootUrl, {
        method: 'POST',
        path: `/__local/spreadsheets/${id}/share`,
        headers,
        body: JSON.stringify({ email: 'mallory@evil.example' }),
      });
    const fromPage = await share({ 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(fromPage.status).toBe(403);
    expect(fromPage.body.error.message).toContain('https://evil.example');
    const asText = await share({ 'content-type': 'text/plain' });
    expect(asText.status).toBe(403);
    expect(server().model.get(id).data.sharedWith).not.toContain('mallory@evil.example');
    const fromTool = await share({ 'content-type': 'application/json' });
    expect(fromTool.status).toBe(200);
    expect(server().model.get(id).data.sharedWith).toContain('mallory@evil.example');
  });

  it.each([
    [{ status: 500, times: 1e12 }, 'times'],
    [{ status: 500, times: 1, delayMs: 60_000 }, 'delayMs'],
    [{ status: 500, reset: true, times: 1 }, 'exactly one of status and reset'],
    [{ status: 429, times: 1, afterApplying: true }, 'afterApplying'],
    [{ status: 500, times: 1, forever: true }, 'forever'],
    [{ method: 'spreadsheets.batchUpdat', status: 500, times: 1 }, 'method'],
  ])('refuses the fault %j with 400 naming %s', async (fault, named) => {
    const answer = await rawRequest(server().rootUrl, {
      method: 'POST',
      path: '/__local/faults',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain(named);
  });

  it.each([
    ['/v4/spreadsheets/%E0%A4%A', 'GET'],
    ['/v4/spreadsheets/abc/values/%ZZ', 'GET'],
  ])('answers a bad percent-encoding (%s) with 400, not a 500', async (path, method) => {
    const answer = await rawRequest(server().rootUrl, { method, path, headers: bearer(SERVICE) });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('percent-encoding');
  });
});

describe('request size', () => {
  it('refuses a batchUpdate body over 2 MB with 400, and applies nothing', async () => {
    const id = newSpreadsheet();
    const answer = await rawRequest(server().rootUrl, {
      method: 'POST',
      path: `/v4/spreadsheets/${id}:batchUpdate`,
      headers: { 'content-type': 'application/json', ...bearer(SERVICE) },
      body: batchBodyOf(2.1 * MB),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('Request payload size exceeds the limit: 2097152 bytes.');
    expect(server().model.get(id).sheets()[0]?.getCell(0, 0).note).toBeUndefined();
  });

  it('accepts a batchUpdate body of 1.9 MB', async () => {
    const id = newSpreadsheet();
    const answer = await rawRequest(server().rootUrl, {
      method: 'POST',
      path: `/v4/spreadsheets/${id}:batchUpdate`,
      headers: { 'content-type': 'application/json', ...bearer(SERVICE) },
      body: batchBodyOf(1.9 * MB),
    });
    expect(answer.status).toBe(200);
    expect(server().model.get(id).sheets()[0]?.getCell(0, 0).note).toHaveLength(40_000);
  });

  it.each<[string, Record<string, number>]>([
    ['streamed without Content-Length', {}],
    ['with its Content-Length', { 'content-length': 200 * MB }],
  ])(
    'refuses a 200 MB body %s with 413, stops reading it, closes the connection, and keeps serving',
    async (_, lengthHeader) => {
      const id = newSpreadsheet();
      const answer = await streamUntilClosed(
        server().rootUrl,
        `/v4/spreadsheets/${id}:batchUpdate`,
        { 'content-type': 'application/json', ...bearer(SERVICE), ...lengthHeader },
        200 * MB,
      );
      expect(answer.status).toBe(413);
      expect(answer.body.error.message).toContain('Request payload size exceeds the limit');
      // The server read at most its 10 MB limit before answering; what else the client had produced
      // sat in socket buffers (up to tens of MB on loopback): far from the 200 MB unless it read on.
      expect(answer.bytesSentWhenAnswered).toBeLessThan(100 * MB);
      const api = sheetsClientAs(server(), SERVICE);
      const read = await api.spreadsheets.get({ spreadsheetId: id });
      expect(read.data.properties?.title).toBe('Safety');
    },
  );
});

describe('faults', () => {
  const addSheet = (id: string, title: string) =>
    sheetsClientAs(server(), SERVICE).spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ addSheet: { properties: { title } } }] },
    });

  it('fails a batchUpdate with 503 after applying it: the retry meets the work already done', async () => {
    const id = newSpreadsheet();
    server().injectFault({ method: 'spreadsheets.batchUpdate', status: 503, times: 1, afterApplying: true });
    const lost = await apiFailure(addSheet(id, 'Metrics'));
    expect(lost.status).toBe(503);
    expect(server().model.get(id).findSheetByTitle('Metrics')).toBeDefined();
    const retry = await apiFailure(addSheet(id, 'Metrics'));
    expect(retry.body.error.message).toContain('A sheet with the name "Metrics" already exists');
  });

  it('resets the connection after applying a batchUpdate', async () => {
    const id = newSpreadsheet();
    server().injectFault({ method: 'spreadsheets.batchUpdate', reset: true, times: 1, afterApplying: true });
    await expect(addSheet(id, 'Summary')).rejects.toThrow();
    expect(server().model.get(id).findSheetByTitle('Summary')).toBeDefined();
  });

  it('resets the connection before applying, when asked to', async () => {
    const id = newSpreadsheet();
    server().injectFault({ method: 'spreadsheets.batchUpdate', reset: true, times: 1 });
    await expect(addSheet(id, 'Summary')).rejects.toThrow();
    expect(server().model.get(id).findSheetByTitle('Summary')).toBeUndefined();
  });
});

describe('saving the workbook', () => {
  it('reports a save that fails and keeps serving, instead of ending the process', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'va-assess-unsavable-'));
    const notADirectory = join(directory, 'a-file');
    writeFileSync(notADirectory, '');
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
    const unsavable = await startLocalSheetsApi({ persistFile: join(notADirectory, 'workbooks.json') });
    try {
      const api = sheetsClientAs(unsavable, SERVICE);
      const created = await api.spreadsheets.create({ requestBody: { properties: { title: 'Unsaved' } } });
      const spreadsheetId = created.data.spreadsheetId ?? '';
      const read = await api.spreadsheets.get({ spreadsheetId });
      expect(read.data.properties?.title).toBe('Unsaved');
    } finally {
      // close() saves once more, at once: it must not throw either.
      await expect(unsavable.close()).resolves.toBeUndefined();
      rmSync(directory, { recursive: true, force: true });
    }
    expect(errors).toHaveBeenCalledWith(
      expect.stringContaining('could not save the workbook'),
      expect.stringContaining('a-file'),
    );
    errors.mockRestore();
  });
});
