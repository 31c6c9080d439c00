import { cellReference, columnLetter } from '../../../functions/domain/import/a1-notation';
import { csvLine, quoteCsvCell } from '../../../functions/domain/import/csv-cell';

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [2, 'C'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p', (index) => {
    expect(() => columnLetter(index)).toThrow(RangeError);
  });

  it('builds a reference a person can click on', () => {
    expect(cellReference('metrics.csv', 3, 7)).toBe('metrics.csv!D7');
  });
});

describe('quoteCsvCell', () => {
  it.each([
    ['94656', '94656'],
    ['94,656', '"94,656"'],
    ['FR, BE, ES', '"FR, BE, ES"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    [' padded ', '" padded "'],
    ['', ''],
    ['N/A', 'N/A'],
  ])('%j is written %j', (text, written) => {
    expect(quoteCsvCell(text)).toBe(written);
  });

  it('joins a line', () => {
    expect(csvLine(['ifca-cpu', 'cpu-hours', '94,656', ''])).toBe('ifca-cpu,cpu-hours,"94,656",');
  });
});
