import { OUTCOME_COLOURS } from '../../../functions/sheets/layout/anchors';
import { cellKey, overlayPaint } from '../../../sheets-addon/core/paint-plan';

describe('the paint of a box around the answered cells', () => {
  const box = { row: 10, column: 3, numRows: 2, numColumns: 2 };
  const current = {
    backgrounds: [
      ['#ffffff', '#FFFFFF'],
      ['#cfe2f3', '#ffffff'],
    ],
    notes: [
      ['', 'a note someone wrote'],
      ['', ''],
    ],
  };

  it('colours only the cells with an outcome: a cell that reads white gets no fill, not an explicit white one', () => {
    const paints = new Map([[cellKey(10, 3), { background: OUTCOME_COLOURS.accepted, note: 'Accepted' }]]);
    expect(overlayPaint(box, current, paints)).toEqual({
      backgrounds: [
        [OUTCOME_COLOURS.accepted, null],
        ['#cfe2f3', null],
      ],
      notes: [
        ['Accepted', 'a note someone wrote'],
        ['', ''],
      ],
    });
  });
});
