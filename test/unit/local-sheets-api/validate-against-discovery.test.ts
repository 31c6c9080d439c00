import { discoveryMethod } from '../../../local/sheets-api/discovery/discovery-document';
import {
  validateQuery,
  validateRequestBody,
} from '../../../local/sheets-api/discovery/validate-against-discovery';

const batchUpdate = discoveryMethod('sheets.spreadsheets.batchUpdate');
const valuesUpdate = discoveryMethod('sheets.spreadsheets.values.update');

function messageOf(work: () => void): string {
  try {
    work();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('accepted; a refusal was expected');
}

describe('request bodies against the discovery document', () => {
  it('accepts a body the product sends, nulls (proto3: not set) included', () => {
    expect(() =>
      validateRequestBody(batchUpdate, {
        requests: [
          {
            updateCells: {
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 },
              rows: [{ values: [{ userEnteredValue: { stringValue: 'x' }, note: null }] }],
              fields: 'userEnteredValue,note',
            },
          },
        ],
        includeSpreadsheetInResponse: false,
      }),
    ).not.toThrow();
  });

  it('walks maps (additionalProperties) and names the key in the path', () => {
    const body = (hiddenValues: unknown) => ({
      requests: [
        { setBasicFilter: { filter: { range: { sheetId: 0 }, criteria: { '0': { hiddenValues } } } } },
      ],
    });
    expect(() => validateRequestBody(batchUpdate, body(['a']))).not.toThrow();
    expect(messageOf(() => validateRequestBody(batchUpdate, body([7])))).toBe(
      'Invalid value at \'requests[0].set_basic_filter.filter.criteria["0"].hidden_values[0]\' (TYPE_STRING), 7',
    );
  });

  it('refuses a list where one value belongs, and an object where a list belongs', () => {
    expect(
      messageOf(() => validateRequestBody(batchUpdate, { requests: [{ deleteSheet: [{ sheetId: 1 }] }] })),
    ).toBe(
      'Invalid JSON payload received. Unknown name "delete_sheet" at \'requests[0]\': Proto field is not repeating, cannot start list.',
    );
    expect(messageOf(() => validateRequestBody(batchUpdate, { requests: { deleteSheet: {} } }))).toBe(
      'Invalid value at \'requests\' (type.googleapis.com/google.apps.sheets.v4.Request), {"deleteSheet":{}}',
    );
  });

  it('refuses a body that is not an object, and a field mask that does not parse', () => {
    expect(messageOf(() => validateRequestBody(batchUpdate, 'requests'))).toContain('Invalid value at');
    expect(
      messageOf(() =>
        validateRequestBody(batchUpdate, {
          requests: [{ repeatCell: { range: { sheetId: 0 }, cell: {}, fields: 'a((b' } }],
        }),
      ),
    ).toBe(
      'Invalid value at \'requests[0].repeat_cell.fields\' (type.googleapis.com/google.protobuf.FieldMask), "a((b"',
    );
  });

  it('takes any JSON value in a cell of values (the discovery type "any")', () => {
    expect(() => validateRequestBody(valuesUpdate, { values: [['a', 1, true, null]] })).not.toThrow();
  });
});

describe('query parameters against the discovery document', () => {
  it('checks enums and booleans, and knows the parameters every Google API takes', () => {
    expect(() =>
      validateQuery(
        valuesUpdate,
        new URLSearchParams('valueInputOption=RAW&includeValuesInResponse=true&fields=*'),
      ),
    ).not.toThrow();
    expect(
      messageOf(() => validateQuery(valuesUpdate, new URLSearchParams('includeValuesInResponse=yes'))),
    ).toBe('Invalid value at \'include_values_in_response\' (TYPE_BOOL), "yes"');
    expect(
      messageOf(() =>
        validateQuery(valuesUpdate, new URLSearchParams('valueInputOption=RAW&valueInputOption=RAW')),
      ),
    ).toContain('non-repeated');
  });
});
