import { PAINT_FIELDS, paintedCell } from '../../../functions/sheets/layout/cell-paint-requests';

describe('a painted cell', () => {
  it('writes its colour as backgroundColorStyle only (backgroundColor is deprecated)', () => {
    const cell = paintedCell({ background: '#fff2cc', note: 'check this' }, '12');
    expect(cell.userEnteredFormat).toEqual({
      backgroundColorStyle: { rgbColor: { red: 1, green: 0xf2 / 255, blue: 0xcc / 255 } },
    });
    expect(cell.userEnteredFormat).not.toHaveProperty('backgroundColor');
  });

  it('still clears a colour set the deprecated way: both fields stay in the mask', () => {
    expect(PAINT_FIELDS.split(',')).toEqual(
      expect.arrayContaining(['userEnteredFormat.backgroundColor', 'userEnteredFormat.backgroundColorStyle']),
    );
  });
});
