import type { RawInput } from '../../../functions/contract/contract';
import { OUTCOME_COLOURS } from '../../../functions/sheets/layout/anchors';
import { groupThousands, oversizedLength, withoutOversized } from '../../../sheets-addon/core/cell-limits';
import { paintTooLong, shown } from '../../../sheets-addon/core/cell-note';

const cellWith = (raw: RawInput) => ({ submission: { raw } });

describe('texts longer than the API takes', () => {
  it('sets aside a 60,000-character cell and keeps the rest of the paste', () => {
    const long = 'x'.repeat(60_000);
    const { sendable, tooLong } = withoutOversized([
      cellWith('10'),
      cellWith(long),
      cellWith(12),
      cellWith(null),
    ]);
    expect(sendable.map((cell) => cell.submission.raw)).toEqual(['10', 12, null]);
    expect(tooLong.map((cell) => cell.submission.raw)).toEqual([long]);
  });

  it('lets exactly 50,000 characters through (the API takes them) and names the length above it', () => {
    expect(oversizedLength('x'.repeat(50_000))).toBeUndefined();
    expect(oversizedLength('x'.repeat(50_001))).toBe(50_001);
    expect(oversizedLength(123456789)).toBeUndefined();
    expect(groupThousands(60000)).toBe('60,000');
    expect(groupThousands(999)).toBe('999');
    expect(groupThousands(1234567)).toBe('1,234,567');
  });

  it('paints the oversized cell red with a note quoting only its start', () => {
    const long = `${'abc'.repeat(20_000)}`;
    const paint = paintTooLong(long, long.length);
    expect(paint.background).toBe(OUTCOME_COLOURS.rejected);
    expect(paint.note).toContain('Not sent: too long: 60,000 characters, at most 50,000.');
    expect(paint.note).toContain('(60,000 characters)');
    expect(paint.note.length).toBeLessThan(600);
  });

  it('quotes formulas as plain text, exactly as typed', () => {
    expect(shown('=IMPORTXML("https://evil.example.org","//a")')).toBe(
      '"=IMPORTXML("https://evil.example.org","//a")"',
    );
    expect(shown('@x')).toBe('"@x"');
    expect(shown(null)).toBe('(empty)');
  });
});
