import { applyFieldMask, filterByFieldMask, parseFieldMask } from '../../../local/sheets-api/field-mask';

describe('field masks', () => {
  it('parse dotted, parenthesised and slashed paths', () => {
    expect(
      parseFieldMask('note, userEnteredFormat(backgroundColor,textFormat.bold),sheets/properties'),
    ).toEqual({
      all: false,
      paths: [
        ['note'],
        ['userEnteredFormat', 'backgroundColor'],
        ['userEnteredFormat', 'textFormat', 'bold'],
        ['sheets', 'properties'],
      ],
    });
    expect(parseFieldMask('*')).toEqual({ all: true });
    expect(parseFieldMask('')).toBeUndefined();
    expect(() => parseFieldMask('a(b')).toThrow(/cannot parse/);
  });

  it('set listed fields, clear listed fields the source lacks, keep the rest', () => {
    const target = { note: 'old', userEnteredFormat: { wrapStrategy: 'WRAP', textFormat: { bold: true } } };
    const mask = parseFieldMask('note,userEnteredFormat.wrapStrategy');
    if (mask === undefined) throw new Error('mask expected');
    expect(applyFieldMask(target, { userEnteredFormat: { wrapStrategy: 'CLIP' } }, mask)).toEqual({
      userEnteredFormat: { wrapStrategy: 'CLIP', textFormat: { bold: true } },
    });
  });

  it('filter a response through arrays', () => {
    const body = { spreadsheetId: 'x', sheets: [{ properties: { title: 'A', index: 0 }, data: [] }] };
    expect(filterByFieldMask(body, parseFieldMask('sheets.properties.title'))).toEqual({
      sheets: [{ properties: { title: 'A' } }],
    });
  });
});
