import { formatWithPattern } from '../../../local/workbook';

describe('formatted values follow the layout number formats', () => {
  it.each([
    [662547, '#,##0', '662,547'],
    [33.4, '#,##0.0', '33.4'],
    [0.8895755, '0%', '89%'],
    [0.9777333, '0.0%', '97.8%'],
    [3, '0', '3'],
  ])('%p with %p reads %p', (value, pattern, shown) => {
    expect(formatWithPattern(value, { type: 'NUMBER', pattern })).toBe(shown);
  });

  it('leaves a pattern it does not know to the plain rendering instead of guessing', () => {
    expect(formatWithPattern(45000, { type: 'DATE', pattern: 'yyyy-mm-dd' })).toBeUndefined();
  });
});
