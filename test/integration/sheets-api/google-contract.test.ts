import type { sheets_v4 } from '@googleapis/sheets';
import { apiFailure, OWNER, SERVICE, sheetsClientAs, useLocalSheetsApi } from './local-sheets-api-harness';

/**
 * The local Sheets API refuses what Google's discovery document does not describe, and
 * what Google documents as refused, with Google's 400.
 */
const { server } = useLocalSheetsApi();

async function newSpreadsheet(): Promise<{ api: sheets_v4.Sheets; id: string }> {
  const id = server().createSpreadsheet({ title: 'Contract', owner: OWNER, sharedWith: [SERVICE] });
  return { api: sheetsClientAs(server(), SERVICE), id };
}

/** A batchUpdate the client sends as given (the request kinds typed loosely on purpose). */
function batch(api: sheets_v4.Sheets, id: string, requests: unknown[]) {
  return api.spreadsheets.batchUpdate({
    spreadsheetId: id,
    requestBody: { requests: requests as sheets_v4.Schema$Request[] },
  });
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  const failure = await apiFailure(promise);
  expect(failure.body.error.status).toBe(
    failure.status === 400 ? 'INVALID_ARGUMENT' : failure.body.error.status,
  );
  return { status: failure.status, message: failure.body.error.message };
}

const WHOLE_SHEET_PROTECTION = { addProtectedRange: { protectedRange: { range: { sheetId: 0 } } } };

describe('request bodies checked against the discovery document', () => {
  it('refuses an unknown field with Google\'s "Unknown name" and the snake_case path', async () => {
    const { api, id } = await newSpreadsheet();
    const answer = await refusal(
      batch(api, id, [{ addProtectedRange: { protectedRange: { range: { sheetId: 0 } }, foo: 1 } }]),
    );
    expect(answer).toEqual({
      status: 400,
      message:
        'Invalid JSON payload received. Unknown name "foo" at \'requests[0].add_protected_range\': Cannot find field.',
    });
  });

  it('refuses an unknown enum value naming the enum type', async () => {
    const { api, id } = await newSpreadsheet();
    const answer = await refusal(
      batch(api, id, [
        { sortRange: { range: { sheetId: 0 }, sortSpecs: [{ dimensionIndex: 0, sortOrder: 'UP' }] } },
      ]),
    );
    expect(answer).toEqual({
      status: 400,
      message:
        'Invalid value at \'requests[0].sort_range.sort_specs[0].sort_order\' (type.googleapis.com/google.apps.sheets.v4.SortOrder), "UP"',
    });
  });

  it('refuses a wrong type: text where an int32 belongs, a fraction, a number past int32', async () => {
    const { api, id } = await newSpreadsheet();
    for (const length of ['5', 2.5, 2 ** 31]) {
      const answer = await refusal(
        batch(api, id, [{ appendDimension: { sheetId: 0, dimension: 'ROWS', length } }]),
      );
      expect(answer.message).toBe(
        `Invalid value at 'requests[0].append_dimension.length' (TYPE_INT32), ${JSON.stringify(length)}`,
      );
    }
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', '__defineGetter__', '__proto__'])(
    'answers 400 to %s as a request kind, and changes nothing',
    async (kind) => {
      const { api, id } = await newSpreadsheet();
      const body = JSON.parse(`{"requests":[{${JSON.stringify(kind)}:{}}]}`);
      const answer = await refusal(api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: body }));
      expect(answer).toEqual({
        status: 400,
        message: `Invalid JSON payload received. Unknown name "${kind}" at 'requests[0]': Cannot find field.`,
      });
    },
  );

  it('answers a kind Google knows but the double does not build with 400 "not implemented"', async () => {
    const { api, id } = await newSpreadsheet();
    const answer = await refusal(batch(api, id, [{ addChart: { chart: { position: { newSheet: true } } } }]));
    expect(answer).toEqual({
      status: 400,
      message: "The request kind addChart (at 'requests[0]') is not implemented by the local Sheets API.",
    });
  });

  it('checks the other methods too: values.update, developerMetadata.search, create, query enums', async () => {
    const { api, id } = await newSpreadsheet();
    const update = await refusal(
      api.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'Sheet1!A1',
        valueInputOption: 'RAW',
        requestBody: { values: [['x']], extra: true } as sheets_v4.Schema$ValueRange,
      }),
    );
    expect(update.message).toBe('Invalid JSON payload received. Unknown name "extra": Cannot find field.');
    const search = await refusal(
      api.spreadsheets.developerMetadata.search({
        spreadsheetId: id,
        requestBody: { dataFilters: [{ developerMetadataLookup: { visibility: 'PUBLIC' } }] },
      }),
    );
    expect(search.message).toContain("'data_filters[0].developer_metadata_lookup.visibility'");
    const create = await refusal(
      api.spreadsheets.create({ requestBody: { properties: { title: 7 } } as never }),
    );
    expect(create.message).toBe("Invalid value at 'properties.title' (TYPE_STRING), 7");
    const query = await refusal(
      api.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'Sheet1!A1',
        valueInputOption: 'AS_TYPED',
        requestBody: { values: [['x']] },
      }),
    );
    expect(query.message).toBe(
      'Invalid value at \'value_input_option\' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), "AS_TYPED"',
    );
  });
});

describe('refusals Google documents', () => {
  it('refuses a second whole-sheet protection on a sheet, in the same batch or a later one', async () => {
    const { api, id } = await newSpreadsheet();
    const same = await refusal(batch(api, id, [WHOLE_SHEET_PROTECTION, WHOLE_SHEET_PROTECTION]));
    expect(same.status).toBe(400);
    expect(same.message).toContain('already has sheet protection');
    await batch(api, id, [WHOLE_SHEET_PROTECTION]);
    const later = await refusal(batch(api, id, [WHOLE_SHEET_PROTECTION]));
    expect(later.message).toContain('already has sheet protection');
    const read = await api.spreadsheets.get({ spreadsheetId: id });
    expect(read.data.sheets?.[0]?.protectedRanges).toHaveLength(1);
  });

  it('refuses unprotectedRanges on a protection that is not a whole sheet', async () => {
    const { api, id } = await newSpreadsheet();
    const answer = await refusal(
      batch(api, id, [
        {
          addProtectedRange: {
            protectedRange: {
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 5 },
              unprotectedRanges: [{ sheetId: 0, startRowIndex: 1, endRowIndex: 2 }],
            },
          },
        },
      ]),
    );
    expect(answer.message).toContain('Unprotected ranges are only supported on protected sheets');
  });

  it('refuses warningOnly with editors', async () => {
    const { api, id } = await newSpreadsheet();
    const answer = await refusal(
      batch(api, id, [
        {
          addProtectedRange: {
            protectedRange: { range: { sheetId: 0 }, warningOnly: true, editors: { users: [OWNER] } },
          },
        },
      ]),
    );
    expect(answer.message).toContain('Editors are not supported with warningOnly protection.');
  });

  it.each([
    ['three rows', { startIndex: 0, endIndex: 3 }],
    ['an unbounded range', { startIndex: 2 }],
  ])('refuses developer metadata on %s', async (_, span) => {
    const { api, id } = await newSpreadsheet();
    const answer = await refusal(
      batch(api, id, [
        {
          createDeveloperMetadata: {
            developerMetadata: {
              metadataKey: 'k',
              visibility: 'DOCUMENT',
              location: { dimensionRange: { sheetId: 0, dimension: 'ROWS', ...span } },
            },
          },
        },
      ]),
    );
    expect(answer.status).toBe(400);
    expect(answer.message).toContain('single row or column');
  });

  it("refuses 20,000,000 appended rows with Google's cell-limit message, and keeps serving", async () => {
    const { api, id } = await newSpreadsheet();
    const answer = await refusal(
      batch(api, id, [{ appendDimension: { sheetId: 0, dimension: 'ROWS', length: 20_000_000 } }]),
    );
    expect(answer.status).toBe(400);
    expect(answer.message).toContain(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    const read = await api.spreadsheets.get({ spreadsheetId: id });
    expect(read.data.sheets?.[0]?.properties?.gridProperties?.rowCount).toBe(1000);
  });

  it('refuses more than 18,278 columns in a sheet', async () => {
    const { api, id } = await newSpreadsheet();
    const answer = await refusal(
      batch(api, id, [{ appendDimension: { sheetId: 0, dimension: 'COLUMNS', length: 18_278 } }]),
    );
    expect(answer.message).toContain('above the limit of 18278 columns');
  });

  it('refuses a new sheet that would pass the cell limit', async () => {
    const { api, id } = await newSpreadsheet();
    const answer = await refusal(
      batch(api, id, [
        { addSheet: { properties: { gridProperties: { rowCount: 400_000, columnCount: 26 } } } },
      ]),
    );
    expect(answer.message).toContain('above the limit of 10000000 cells');
  });
});

describe('PROJECT-visible developer metadata', () => {
  const OTHER_PROJECT = 'reader@other-project.iam.gserviceaccount.com';

  it('is seen, searched and changed only by callers of the project that created it', async () => {
    const id = server().createSpreadsheet({
      title: 'Projects',
      owner: OWNER,
      sharedWith: [SERVICE, OTHER_PROJECT],
    });
    const mine = sheetsClientAs(server(), SERVICE);
    const theirs = sheetsClientAs(server(), OTHER_PROJECT);
    const created = await batch(mine, id, [
      ...(['PROJECT', 'DOCUMENT'] as const).map((visibility) => ({
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: `k-${visibility}`,
            visibility,
            location: { dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: 2, endIndex: 3 } },
          },
        },
      })),
    ]);
    const projectId = created.data.replies?.[0]?.createDeveloperMetadata?.developerMetadata?.metadataId;
    expect(created.data.replies?.[0]?.createDeveloperMetadata?.developerMetadata).toEqual({
      metadataId: projectId,
      metadataKey: 'k-PROJECT',
      visibility: 'PROJECT',
      location: {
        locationType: 'ROW',
        dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: 2, endIndex: 3 },
      },
    });
    const keysFound = async (api: sheets_v4.Sheets) => {
      const found = await api.spreadsheets.developerMetadata.search({
        spreadsheetId: id,
        requestBody: { dataFilters: [{ developerMetadataLookup: { locationType: 'ROW' } }] },
      });
      return (found.data.matchedDeveloperMetadata ?? []).map((match) => match.developerMetadata?.metadataKey);
    };
    expect(await keysFound(mine)).toEqual(['k-PROJECT', 'k-DOCUMENT']);
    expect(await keysFound(theirs)).toEqual(['k-DOCUMENT']);
    const byId = await apiFailure(
      theirs.spreadsheets.developerMetadata.get({ spreadsheetId: id, metadataId: projectId as number }),
    );
    expect(byId.status).toBe(404);
    const read = await theirs.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['Sheet1!A3'],
      includeGridData: true,
    });
    expect(
      read.data.sheets?.[0]?.data?.[0]?.rowMetadata?.[0]?.developerMetadata?.map((m) => m.metadataKey),
    ).toEqual(['k-DOCUMENT']);
    const deleted = await batch(theirs, id, [
      { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataKey: 'k-PROJECT' } } } },
    ]);
    expect(deleted.data.replies?.[0]?.deleteDeveloperMetadata).toEqual({ deletedDeveloperMetadata: [] });
    expect(await keysFound(mine)).toEqual(['k-PROJECT', 'k-DOCUMENT']);
  });
});

describe('dropdowns (setDataValidation) as Google documents their conditions', () => {
  const column = { sheetId: 0, startRowIndex: 2, endRowIndex: 10, startColumnIndex: 3, endColumnIndex: 4 };

  it('stores a ONE_OF_LIST and a ONE_OF_RANGE dropdown on every cell of the range', async () => {
    const { api, id } = await newSpreadsheet();
    const list = { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'sum' }, { userEnteredValue: 'max' }] };
    const range = { type: 'ONE_OF_RANGE', values: [{ userEnteredValue: "='Budgets'!A3:A" }] };
    await batch(api, id, [
      { setDataValidation: { range: column, rule: { condition: list, showCustomUi: true } } },
      {
        setDataValidation: {
          range: { ...column, startColumnIndex: 4, endColumnIndex: 5 },
          rule: { condition: range },
        },
      },
    ]);
    const sheet = server().model.get(id).sheetById(0);
    expect(sheet.getCell(9, 3).dataValidation?.condition).toEqual(list);
    expect(sheet.getCell(2, 4).dataValidation?.condition).toEqual(range);
    expect(sheet.getCell(10, 3).dataValidation).toBeUndefined();
  });

  it.each([
    [{ type: 'ONE_OF_LIST', values: [] }, 'ONE_OF_LIST condition requires at least one value.'],
    [
      { type: 'ONE_OF_LIST', values: [{ userEnteredValue: '=A1' }] },
      'ONE_OF_LIST condition values cannot be formulas.',
    ],
    [
      { type: 'ONE_OF_RANGE', values: [{ userEnteredValue: '=A1:A' }, { userEnteredValue: '=B1:B' }] },
      'ONE_OF_RANGE condition requires a single value, a range in A1 notation; found 2 value(s).',
    ],
  ])('refuses %j with a 400 and changes nothing', async (condition, message) => {
    const { api, id } = await newSpreadsheet();
    const answer = await refusal(
      batch(api, id, [{ setDataValidation: { range: column, rule: { condition } } }]),
    );
    expect(answer).toEqual({ status: 400, message: `Invalid requests[0].setDataValidation: ${message}` });
    expect(server().model.get(id).sheetById(0).getCell(2, 3).dataValidation).toBeUndefined();
  });
});
