import type { sheets_v4 } from '@googleapis/sheets';
import {
  apiFailure,
  type GoogleErrorBody,
  OWNER,
  SERVICE,
  sheetsClientAs,
  useLocalSheetsApi,
} from './local-sheets-api-harness';

const { server } = useLocalSheetsApi();

const KEY = 'va-assess:entry-row';

/** Sheet1 rows 0..2 hold "c", "a", "b" in column A, each row anchored with its own letter. */
async function anchoredRows(): Promise<{ api: sheets_v4.Sheets; id: string }> {
  const id = server().createSpreadsheet({ title: 'Anchors', owner: OWNER, sharedWith: [SERVICE] });
  const api = sheetsClientAs(server(), SERVICE);
  await api.spreadsheets.values.update({
    spreadsheetId: id,
    range: 'Sheet1!A1:A3',
    valueInputOption: 'RAW',
    requestBody: { values: [['c'], ['a'], ['b']] },
  });
  await api.spreadsheets.batchUpdate({
    spreadsheetId: id,
    requestBody: {
      requests: ['c', 'a', 'b'].map((letter, row) => ({
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: KEY,
            metadataValue: letter,
            visibility: 'DOCUMENT',
            location: {
              dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: row, endIndex: row + 1 },
            },
          },
        },
      })),
    },
  });
  return { api, id };
}

/** Where each anchored letter sits now, and what column A holds on that row. */
async function anchorsByRow(
  api: sheets_v4.Sheets,
  id: string,
): Promise<Record<string, { row: number; text: unknown }>> {
  const found = await api.spreadsheets.developerMetadata.search({
    spreadsheetId: id,
    requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: KEY } }] },
  });
  const column = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:A20' });
  const result: Record<string, { row: number; text: unknown }> = {};
  for (const match of found.data.matchedDeveloperMetadata ?? []) {
    const row = match.developerMetadata?.location?.dimensionRange?.startIndex as number;
    result[match.developerMetadata?.metadataValue as string] = { row, text: column.data.values?.[row]?.[0] };
  }
  return result;
}

describe('developer metadata on rows', () => {
  it('stays on its row through sortRange (only cells move) and follows it through insertDimension', async () => {
    const { api, id } = await anchoredRows();
    await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            sortRange: {
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 3 },
              sortSpecs: [{ dimensionIndex: 0, sortOrder: 'ASCENDING' }],
            },
          },
          { insertDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 4 } } },
        ],
      },
    });
    // Rows 0..2 held c, a, b with anchors c, a, b; after the sort they show a, b, c, anchors unmoved.
    expect(await anchorsByRow(api, id)).toEqual({
      c: { row: 0, text: 'a' },
      a: { row: 4, text: 'b' },
      b: { row: 5, text: 'c' },
    });
  });

  it('is deleted with its row by deleteDimension', async () => {
    const { api, id } = await anchoredRows();
    await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 2 } } },
        ],
      },
    });
    expect(await anchorsByRow(api, id)).toEqual({ c: { row: 0, text: 'c' }, b: { row: 1, text: 'b' } });
  });

  it('is found by key and value, and answers {} when nothing matches', async () => {
    const { api, id } = await anchoredRows();
    const byValue = await api.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: KEY, metadataValue: 'b' } }] },
    });
    const matched = byValue.data.matchedDeveloperMetadata ?? [];
    expect(matched).toHaveLength(1);
    expect(matched[0]?.developerMetadata?.location).toEqual({
      locationType: 'ROW',
      dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: 2, endIndex: 3 },
    });
    const byId = await api.spreadsheets.developerMetadata.get({
      spreadsheetId: id,
      metadataId: matched[0]?.developerMetadata?.metadataId as number,
    });
    expect(byId.data.metadataValue).toBe('b');
    const none = await api.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: 'nobody' } }] },
    });
    expect(none.data).toEqual({});
  });
});

describe('protected ranges', () => {
  it('round-trip through add, get, update and delete, and stop non-editors writing', async () => {
    const id = server().createSpreadsheet({
      title: 'Protection',
      owner: OWNER,
      sharedWith: [SERVICE, 'partner@ifca.example.org'],
    });
    const service = sheetsClientAs(server(), SERVICE);
    const added = await service.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            addProtectedRange: {
              protectedRange: {
                range: {
                  sheetId: 0,
                  startRowIndex: 1,
                  endRowIndex: 3,
                  startColumnIndex: 2,
                  endColumnIndex: 4,
                },
                description: 'ifca-cpu values',
                editors: { users: ['someone@ifca.example.org'] },
              },
            },
          },
        ],
      },
    });
    const protectedRange = added.data.replies?.[0]?.addProtectedRange?.protectedRange;
    // The requester and the owner are always editors of what they protect.
    expect(protectedRange?.editors?.users?.sort()).toEqual(
      [OWNER, 'someone@ifca.example.org', SERVICE].sort(),
    );
    const partner = sheetsClientAs(server(), 'partner@ifca.example.org');
    const blocked = await apiFailure(
      partner.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'Sheet1!C2',
        valueInputOption: 'RAW',
        requestBody: { values: [['1']] },
      }),
    );
    expect(blocked.body.error.message).toContain('protected cell');

    await service.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateProtectedRange: {
              protectedRange: {
                protectedRangeId: protectedRange?.protectedRangeId,
                editors: { users: [SERVICE, 'partner@ifca.example.org'] },
              },
              fields: 'editors',
            },
          },
        ],
      },
    });
    await partner.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!C2',
      valueInputOption: 'RAW',
      requestBody: { values: [['1']] },
    });
    const read = await service.spreadsheets.get({ spreadsheetId: id, fields: 'sheets.protectedRanges' });
    expect(read.data.sheets?.[0]?.protectedRanges?.[0]).toMatchObject({
      description: 'ifca-cpu values',
      range: { startRowIndex: 1, endRowIndex: 3 },
    });
    await service.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [{ deleteProtectedRange: { protectedRangeId: protectedRange?.protectedRangeId } }],
      },
    });
    const after = await service.spreadsheets.get({ spreadsheetId: id });
    expect(after.data.sheets?.[0]?.protectedRanges).toBeUndefined();
  });
});

describe('batchUpdate is atomic and strict', () => {
  it('applies nothing when the second request is invalid', async () => {
    const id = server().createSpreadsheet({ title: 'Atomic', owner: OWNER, sharedWith: [SERVICE] });
    const api = sheetsClientAs(server(), SERVICE);
    const before = JSON.stringify(server().model.snapshot(id));
    const failure = await apiFailure(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            { addSheet: { properties: { title: 'Summary' } } },
            {
              deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 990, endIndex: 1010 } },
            },
          ],
        },
      }),
    );
    expect(failure.status).toBe(400);
    expect(failure.body.error.message).toMatch(/^Invalid requests\[1\]\.deleteDimension: /);
    expect(JSON.stringify(server().model.snapshot(id))).toBe(before);
  });

  it('answers 400 naming a request kind it does not implement', async () => {
    const id = server().createSpreadsheet({ title: 'Strict', owner: OWNER, sharedWith: [SERVICE] });
    const failure = await apiFailure(
      sheetsClientAs(server(), SERVICE).spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ mergeCells: { range: { sheetId: 0 }, mergeType: 'MERGE_ALL' } }] },
      }),
    );
    expect(failure.status).toBe(400);
    expect(failure.body.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
    // mergeCells is Google's (the discovery document knows it): not an unknown name, a kind not built.
    expect(failure.body.error.message).toBe(
      "The request kind mergeCells (at 'requests[0]') is not implemented by the local Sheets API.",
    );
  });
});

describe('errors, faults and counts', () => {
  it("answers 401, 403 and 404 in Google's shape", async () => {
    const id = server().createSpreadsheet({ title: 'Private', owner: OWNER });
    const anonymous = await fetch(`${server().rootUrl}v4/spreadsheets/${id}`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as GoogleErrorBody).error.status).toBe('UNAUTHENTICATED');
    const stranger = await apiFailure(
      sheetsClientAs(server(), SERVICE).spreadsheets.get({ spreadsheetId: id }),
    );
    expect(stranger.body).toEqual({
      error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
    });
    const missing = await apiFailure(
      sheetsClientAs(server(), SERVICE).spreadsheets.get({ spreadsheetId: 'no-such-spreadsheet' }),
    );
    expect(missing.body).toEqual({
      error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' },
    });
  });

  it('answers an injected 429 with Retry-After, then succeeds, counting both requests', async () => {
    const id = server().createSpreadsheet({ title: 'Faults', owner: OWNER, sharedWith: [SERVICE] });
    const api = sheetsClientAs(server(), SERVICE);
    server().resetCounts();
    server().injectFault({ method: 'spreadsheets.batchUpdate', status: 429, times: 1, retryAfterSeconds: 7 });
    const request = {
      spreadsheetId: id,
      requestBody: { requests: [{ addSheet: { properties: { title: 'Metrics' } } }] },
    };
    const throttled = await apiFailure(api.spreadsheets.batchUpdate(request));
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(throttled.headers.get('retry-after')).toBe('7');
    const done = await api.spreadsheets.batchUpdate(request);
    expect(done.data.replies?.[0]?.addSheet?.properties?.title).toBe('Metrics');
    await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Metrics' });
    expect(server().requestCounts()).toEqual({ 'spreadsheets.batchUpdate': 2, 'spreadsheets.values.get': 1 });
    const overHttp = await fetch(`${server().rootUrl}__local/requests`);
    expect(await overHttp.json()).toEqual({ 'spreadsheets.batchUpdate': 2, 'spreadsheets.values.get': 1 });
  });
});
