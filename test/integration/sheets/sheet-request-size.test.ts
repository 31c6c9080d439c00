import { fitsOneBatchUpdate } from '../../../functions/sheets/client/request-size';
import { SheetsRequestTooLargeError } from '../../../functions/sheets/client/sheets-errors';
import { SheetsGateway } from '../../../functions/sheets/client/sheets-gateway';
import type { Request } from '../../../functions/sheets/layout/sheet-requests';
import {
  LOCAL_SERVICE_ACCOUNT_EMAIL,
  type LocalSheetsApi,
  startLocalSheetsApi,
} from '../../../local/sheets-api';
import { TEST_RETRY } from './sheets-test-stack';

/** A note of `characters` on cell (row, 0) of the first tab. */
const note = (row: number, characters: number): Request => ({
  updateCells: {
    start: { sheetId: 0, rowIndex: row, columnIndex: 0 },
    rows: [{ values: [{ note: 'x'.repeat(characters) }] }],
    fields: 'note',
  },
});

describe('a write-back above the 2 MB Google advises per request', () => {
  let sheetsApi: LocalSheetsApi;
  beforeAll(async () => {
    sheetsApi = await startLocalSheetsApi();
  });
  afterAll(async () => {
    await sheetsApi.close();
  });

  it('is refused before sending, saying nothing was written and what to do; below it, it is sent', async () => {
    const spreadsheetId = sheetsApi.createSpreadsheet({
      title: 'size',
      owner: 'coordinator@example.org',
      sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL],
    });
    const gateway = new SheetsGateway({
      rootUrl: sheetsApi.rootUrl,
      retry: TEST_RETRY,
    });
    const target = { projectId: 'imagine', spreadsheetId };
    const tooLarge = Array.from({ length: 50 }, (_, row) => note(row, 40_500));
    expect(fitsOneBatchUpdate(tooLarge)).toBe(false);
    const refused = await gateway.batchUpdate(target, tooLarge).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SheetsRequestTooLargeError);
    expect((refused as Error).message).toMatch(
      /needs a 2\.0\d MB request .* above the 2\.00 MB Google advises per request; nothing was written/,
    );
    expect(sheetsApi.requestCounts()['spreadsheets.batchUpdate']).toBeUndefined();

    const fits = Array.from({ length: 45 }, (_, row) => note(row, 40_000));
    expect(fitsOneBatchUpdate(fits)).toBe(true);
    expect(await gateway.batchUpdate(target, fits)).toBe(45);
    expect(sheetsApi.requestCounts()['spreadsheets.batchUpdate']).toBe(1);
  });
});
