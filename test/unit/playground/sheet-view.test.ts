import { tabView } from '../../../local/playground/sheet-view';
import { WorkbookModel } from '../../../local/workbook';

const OWNER = 'coordinator@imagine.example.org';
const PARTNER = 'partner@ifca.example.org';

/** A tab as the playground draws it: what Sheets shows the person acting, nothing more. */
describe('tabView', () => {
  const model = new WorkbookModel();
  const spreadsheet = model.create({ title: 'T', owner: OWNER, sharedWith: [PARTNER] });
  const sheet = spreadsheet.sheets()[0];
  if (sheet === undefined) throw new Error('no default sheet');
  spreadsheet.setFrozen(sheet.sheetId, 1, 0);
  sheet.setValue(0, 0, { stringValue: 'Metric' });
  sheet.setFormat(0, 0, { textFormat: { bold: true }, wrapStrategy: 'WRAP' });
  sheet.setValue(1, 0, { stringValue: 'CPU' });
  sheet.setValue(1, 1, { numberValue: 4000000 });
  sheet.setFormat(1, 1, { backgroundColor: { red: 1, green: 242 / 255, blue: 204 / 255 } });
  sheet.setNote(1, 1, 'Read as 4,000,000');
  sheet.setValue(2, 0, { stringValue: 'hidden row' });
  sheet.setDimensionHidden('ROWS', 2, 3, true);
  sheet.setDimensionHidden('COLUMNS', 2, 3, true);
  sheet.setDimensionSize('COLUMNS', 0, 1, 240);
  spreadsheet.addProtectedRange(
    {
      range: {
        sheetId: sheet.sheetId,
        startRowIndex: 1,
        endRowIndex: 2,
        startColumnIndex: 1,
        endColumnIndex: 2,
      },
      warningOnly: false,
      editors: { users: [OWNER] },
    },
    OWNER,
  );

  it('draws frozen rows, widths, wrapping, bold, colours and notes, and leaves hidden rows and columns out', () => {
    const view = tabView(spreadsheet, sheet.sheetId, OWNER);
    expect(view.frozenRows).toBe(1);
    expect(view.columns.slice(0, 3)).toEqual([
      { index: 0, width: 240 },
      { index: 1, width: 100 },
      { index: 3, width: 100 },
    ]);
    expect(view.rows.map((row) => row.index).slice(0, 3)).toEqual([0, 1, 3]);
    expect(view.rows[0]?.cells[0]).toEqual({ text: 'Metric', bold: true, wrap: true });
    expect(view.rows[1]?.cells[1]).toEqual({
      text: '4000000',
      number: true,
      background: '#fff2cc',
      note: 'Read as 4,000,000',
    });
  });

  it('shows a protected cell locked to an editor it does not name, and every cell locked to a stranger', () => {
    expect(tabView(spreadsheet, sheet.sheetId, PARTNER).rows[1]?.cells).toEqual([
      { text: 'CPU' },
      expect.objectContaining({ locked: true }),
      {},
      {},
      {},
      {},
      {},
      {},
      {},
    ]);
    const stranger = tabView(spreadsheet, sheet.sheetId, 'someone@elsewhere.example.com');
    expect(stranger.rows.flatMap((row) => row.cells).every((cell) => cell.locked === true)).toBe(true);
  });
});
