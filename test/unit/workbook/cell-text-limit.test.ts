import { MAX_CELL_CHARACTERS, WorkbookError, WorkbookModel } from '../../../local/workbook';

describe('a cell holds at most 50,000 characters, as in Google Sheets', () => {
  const sheet = () => new WorkbookModel().create({ title: 'T', owner: 'owner@example.org' }).sheetById(0);

  it('keeps a text of exactly the limit', () => {
    const target = sheet();
    target.setValue(0, 0, { stringValue: 'x'.repeat(MAX_CELL_CHARACTERS) });
    expect(target.getValue(0, 0)).toEqual({ stringValue: 'x'.repeat(MAX_CELL_CHARACTERS) });
  });

  it("refuses one character more with Google's message and leaves the cell as it was", () => {
    const target = sheet();
    target.setValue(0, 0, { stringValue: 'before' });
    expect(() => target.setValue(0, 0, { stringValue: 'x'.repeat(MAX_CELL_CHARACTERS + 1) })).toThrow(
      new WorkbookError('Your input contains more than the maximum of 50000 characters in a single cell.'),
    );
    expect(target.getValue(0, 0)).toEqual({ stringValue: 'before' });
  });
});
