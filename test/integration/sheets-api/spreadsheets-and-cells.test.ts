import type { sheets_v4 } from '@googleapis/sheets';
import { apiFailure, OWNER, SERVICE, sheetsClientAs, useLocalSheetsApi } from './local-sheets-api-harness';

const { server } = useLocalSheetsApi();

async function newSpreadsheet(): Promise<{ api: sheets_v4.Sheets; id: string }> {
  const id = server().createSpreadsheet({ title: 'Cells', owner: OWNER, sharedWith: [SERVICE] });
  return { api: sheetsClientAs(server(), SERVICE), id };
}

async function cellsOf(
  api: sheets_v4.Sheets,
  id: string,
  range: string,
): Promise<sheets_v4.Schema$CellData[][]> {
  const read = await api.spreadsheets.get({ spreadsheetId: id, ranges: [range], includeGridData: true });
  return (read.data.sheets?.[0]?.data?.[0]?.rowData ?? []).map((row) => row.values ?? []);
}

describe('spreadsheets.create and get', () => {
  it('creates the given tabs and reads them back with grid data', async () => {
    const api = sheetsClientAs(server(), OWNER);
    const created = await api.spreadsheets.create({
      requestBody: {
        properties: { title: 'iMagine' },
        sheets: [
          { properties: { title: 'Metrics', gridProperties: { rowCount: 10, columnCount: 5 } } },
          { properties: { title: 'Summary' } },
        ],
      },
    });
    const id = created.data.spreadsheetId as string;
    expect(id).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(created.data.sheets?.map((sheet) => sheet.properties?.title)).toEqual(['Metrics', 'Summary']);
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Metrics!A1:B1',
      valueInputOption: 'RAW',
      requestBody: { values: [['CPU hours', 394_888]] },
    });
    const read = await api.spreadsheets.get({ spreadsheetId: id, includeGridData: true });
    const metrics = read.data.sheets?.[0];
    expect(metrics?.properties?.gridProperties).toEqual({ rowCount: 10, columnCount: 5 });
    expect(metrics?.data?.[0]?.rowData?.[0]?.values).toEqual([
      {
        userEnteredValue: { stringValue: 'CPU hours' },
        effectiveValue: { stringValue: 'CPU hours' },
        formattedValue: 'CPU hours',
      },
      {
        userEnteredValue: { numberValue: 394_888 },
        effectiveValue: { numberValue: 394_888 },
        formattedValue: '394888',
      },
    ]);
    expect(metrics?.data?.[0]?.rowMetadata).toHaveLength(10);
  });

  it('answers only the masked fields of a partial response', async () => {
    const { api, id } = await newSpreadsheet();
    const read = await api.spreadsheets.get({
      spreadsheetId: id,
      fields: 'spreadsheetId,sheets(properties(sheetId,title))',
    });
    expect(read.data).toEqual({
      spreadsheetId: id,
      sheets: [{ properties: { sheetId: 0, title: 'Sheet1' } }],
    });
  });
});

describe('updateCells field masks', () => {
  const green = { red: 0.8, green: 1, blue: 0.8 };

  it('sets the listed fields, clears a listed field the cell omits, and leaves the others', async () => {
    const { api, id } = await newSpreadsheet();
    await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateCells: {
              start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
              rows: [
                {
                  values: [
                    {
                      userEnteredValue: { stringValue: '4.000.000' },
                      note: 'typed by IFCA',
                      userEnteredFormat: { backgroundColor: green },
                    },
                  ],
                },
              ],
              fields: '*',
            },
          },
        ],
      },
    });
    // The mask lists note but the cell gives none: the note is cleared; the value and colour stay.
    await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateCells: {
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
              rows: [{ values: [{}] }],
              fields: 'note',
            },
          },
        ],
      },
    });
    expect((await cellsOf(api, id, 'Sheet1!A1'))[0]?.[0]).toEqual({
      userEnteredValue: { stringValue: '4.000.000' },
      effectiveValue: { stringValue: '4.000.000' },
      formattedValue: '4.000.000',
      userEnteredFormat: { backgroundColor: green },
    });
  });

  it('accepts the parenthesised form and touches only the sub-fields it names', async () => {
    const { api, id } = await newSpreadsheet();
    const range = { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 };
    await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            repeatCell: {
              range,
              cell: {
                userEnteredFormat: {
                  backgroundColor: green,
                  wrapStrategy: 'WRAP',
                  textFormat: { bold: true },
                },
              },
              fields: 'userEnteredFormat',
            },
          },
          {
            repeatCell: {
              range,
              cell: { userEnteredFormat: { wrapStrategy: 'CLIP' } },
              fields: 'userEnteredFormat(backgroundColor,wrapStrategy)',
            },
          },
        ],
      },
    });
    expect((await cellsOf(api, id, 'Sheet1!A1'))[0]?.[0]?.userEnteredFormat).toEqual({
      wrapStrategy: 'CLIP',
      textFormat: { bold: true },
    });
  });

  it('refuses a request without a field mask', async () => {
    const { api, id } = await newSpreadsheet();
    const failure = await apiFailure(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ repeatCell: { range: { sheetId: 0 }, cell: { note: 'x' } } }] },
      }),
    );
    expect(failure.status).toBe(400);
    expect(failure.body.error.message).toBe(
      'Invalid requests[0].repeatCell: At least one field must be specified.',
    );
  });

  it('refuses a cell format field the local API does not implement, naming it', async () => {
    const { api, id } = await newSpreadsheet();
    const failure = await apiFailure(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            {
              repeatCell: {
                range: { sheetId: 0 },
                cell: { userEnteredFormat: { borders: { top: { style: 'SOLID' } } } },
                fields: 'userEnteredFormat.borders',
              },
            },
          ],
        },
      }),
    );
    expect(failure.status).toBe(400);
    expect(failure.body.error.status).toBe('INVALID_ARGUMENT');
    expect(failure.body.error.message).toContain('Unknown name "borders"');
  });
});

describe('values', () => {
  it('keeps "=1+1" a string with RAW and makes it a formula with USER_ENTERED', async () => {
    const { api, id } = await newSpreadsheet();
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['=1+1']] },
    });
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!B1:C1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['=1+1', '42']] },
    });
    const cells = (await cellsOf(api, id, 'Sheet1!A1:C1'))[0] ?? [];
    expect(cells.map((cell) => cell.userEnteredValue)).toEqual([
      { stringValue: '=1+1' },
      { formulaValue: '=1+1' },
      { numberValue: 42 },
    ]);
    const unformatted = await api.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'Sheet1!A1:C1',
      valueRenderOption: 'FORMULA',
    });
    expect(unformatted.data.values).toEqual([['=1+1', '=1+1', 42]]);
  });

  it('reads by columns and trims trailing empty cells as Google does', async () => {
    const { api, id } = await newSpreadsheet();
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'RAW',
        data: [{ range: 'Sheet1!A1:B2', values: [['a', 'b'], ['c']] }],
      },
    });
    const byColumns = await api.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'Sheet1!A1:D5',
      majorDimension: 'COLUMNS',
    });
    expect(byColumns.data).toEqual({
      range: 'Sheet1!A1:D5',
      majorDimension: 'COLUMNS',
      values: [['a', 'c'], ['b']],
    });
  });
});
