import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseA1, type Sheet, WorkbookError, WorkbookModel } from '../../../local/workbook';

const OWNER = 'coordinator@imagine.example.org';

function sheetWithLetters(letters: string[]): { model: WorkbookModel; id: string; sheet: Sheet } {
  const model = new WorkbookModel();
  const spreadsheet = model.create({ title: 'T', owner: OWNER });
  const sheet = spreadsheet.sheetById(0);
  letters.forEach((letter, row) => {
    sheet.setValue(row, 0, { stringValue: letter });
    sheet.setNote(row, 1, `note ${letter}`);
    spreadsheet.createMetadata(
      { kind: 'dimension', sheetId: 0, dimension: 'ROWS', startIndex: row, endIndex: row + 1 },
      { metadataKey: 'row', metadataValue: letter, visibility: 'DOCUMENT' },
    );
  });
  return { model, id: spreadsheet.id, sheet };
}

/** letter -> [row it is anchored to, text in column A there, note in column B there] */
function anchored(model: WorkbookModel, id: string): Record<string, [number, unknown, unknown]> {
  const spreadsheet = model.get(id);
  const sheet = spreadsheet.sheetById(0);
  const result: Record<string, [number, unknown, unknown]> = {};
  for (const metadata of spreadsheet.findMetadata({ metadataKey: 'row' })) {
    const row = metadata.location.kind === 'dimension' ? metadata.location.startIndex : -1;
    result[metadata.metadataValue ?? ''] = [row, sheet.getValue(row, 0), sheet.getNote(row, 1)];
  }
  return result;
}

describe('row-anchored metadata, values and notes move together', () => {
  it('through insertDimension', () => {
    const { model, id, sheet } = sheetWithLetters(['a', 'b']);
    sheet.insertDimension('ROWS', 1, 2);
    expect(anchored(model, id)).toEqual({
      a: [0, { stringValue: 'a' }, 'note a'],
      b: [3, { stringValue: 'b' }, 'note b'],
    });
    expect(sheet.rowCount).toBe(1002);
  });

  it('through moveDimension, counting the destination before the move', () => {
    const { model, id, sheet } = sheetWithLetters(['a', 'b', 'c']);
    sheet.moveDimension('ROWS', 0, 1, 3);
    expect(anchored(model, id)).toEqual({
      b: [0, { stringValue: 'b' }, 'note b'],
      c: [1, { stringValue: 'c' }, 'note c'],
      a: [2, { stringValue: 'a' }, 'note a'],
    });
  });

  it('but not through sortRows: cells (values, notes) move, numbers before text, empty cells last; row metadata stays', () => {
    const { model, id, sheet } = sheetWithLetters(['b', 'a', 'c']);
    sheet.setValue(2, 0, { numberValue: 5 });
    model.get(id).addProtectedRange(
      {
        range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 },
        warningOnly: false,
        editors: { users: [] },
      },
      OWNER,
    );
    sheet.sortRows({ sheetId: 0, startRow: 0, endRow: 4, startColumn: 0, endColumn: 2 }, [
      { column: 0, ascending: true },
    ]);
    // Each anchor is on the row it was on; the row now shows another row's cells.
    expect(anchored(model, id)).toEqual({
      b: [0, { numberValue: 5 }, 'note c'],
      a: [1, { stringValue: 'a' }, 'note a'],
      c: [2, { stringValue: 'b' }, 'note b'],
    });
    expect(model.get(id).protectedRanges()[0]?.range).toEqual({
      sheetId: 0,
      startRowIndex: 0,
      endRowIndex: 1,
    });
  });

  it('and deleteDimension deletes the metadata of the deleted rows', () => {
    const { model, id, sheet } = sheetWithLetters(['a', 'b', 'c']);
    sheet.deleteDimension('ROWS', 1, 2);
    expect(anchored(model, id)).toEqual({
      a: [0, { stringValue: 'a' }, 'note a'],
      c: [1, { stringValue: 'c' }, 'note c'],
    });
  });
});

describe('protected ranges', () => {
  it('let the owner and listed editors edit, stop others, and follow inserted rows', () => {
    const model = new WorkbookModel();
    const spreadsheet = model.create({
      title: 'T',
      owner: OWNER,
      sharedWith: ['partner@ifca.example.org', 'other@x.org'],
    });
    spreadsheet.addProtectedRange(
      {
        range: { sheetId: 0, startRowIndex: 2, endRowIndex: 4 },
        warningOnly: false,
        editors: { users: ['partner@ifca.example.org'] },
      },
      OWNER,
    );
    expect(model.canEdit(spreadsheet.id, 'partner@ifca.example.org', 0, 2, 5)).toBe(true);
    expect(model.canEdit(spreadsheet.id, 'other@x.org', 0, 2, 5)).toBe(false);
    expect(model.canEdit(spreadsheet.id, 'other@x.org', 0, 4, 5)).toBe(true);
    expect(model.canEdit(spreadsheet.id, OWNER, 0, 3, 0)).toBe(true);
    spreadsheet.sheetById(0).insertDimension('ROWS', 0, 1);
    expect(model.canEdit(spreadsheet.id, 'other@x.org', 0, 2, 5)).toBe(true);
    expect(model.canEdit(spreadsheet.id, 'other@x.org', 0, 4, 5)).toBe(false);
  });
});

describe('atomicity and persistence', () => {
  it('leaves the spreadsheet unchanged when a transaction throws', () => {
    const { model, id } = sheetWithLetters(['a']);
    const before = JSON.stringify(model.snapshot(id));
    expect(() =>
      model.transact(id, (copy) => {
        copy.sheetById(0).setValue(0, 0, { stringValue: 'changed' });
        copy.sheetById(0).deleteDimension('ROWS', 0, 5000);
      }),
    ).toThrow(WorkbookError);
    expect(JSON.stringify(model.snapshot(id))).toBe(before);
  });

  it('saves and loads every spreadsheet', () => {
    const { model, id } = sheetWithLetters(['a', 'b']);
    const file = join(mkdtempSync(join(tmpdir(), 'workbook-')), 'workbooks.json');
    model.saveToFile(file);
    const loaded = WorkbookModel.loadFromFile(file);
    expect(JSON.stringify(loaded.snapshot(id))).toBe(JSON.stringify(model.snapshot(id)));
  });
});

describe('A1 notation', () => {
  it.each([
    ['Metrics', { sheetTitle: 'Metrics' }],
    ["'My tab'!A1:C3", { sheetTitle: 'My tab', startRow: 0, endRow: 3, startColumn: 0, endColumn: 3 }],
    ['Metrics!B:B', { sheetTitle: 'Metrics', startRow: 0, startColumn: 1, endColumn: 2 }],
    ['Metrics!2:5', { sheetTitle: 'Metrics', startRow: 1, endRow: 5, startColumn: 0 }],
    ['AA10', { sheetTitle: undefined, startRow: 9, endRow: 10, startColumn: 26, endColumn: 27 }],
  ])('%s', (text, expected) => {
    expect(parseA1(text)).toEqual(expected);
  });
});
