import {
  onlyInstallations,
  rawFromSheetValue,
  type ValueGrid,
  valueBox,
  valueCellsIn,
} from '../../../sheets-addon/core/value-grid';

/** Rows 5 and 7 anchored (row 6 is a label row a person inserted), columns C and D hold P1 and P2. */
const grid: ValueGrid = {
  sheetId: 11,
  sheetName: 'Metrics',
  rows: new Map([
    [5, { installationId: 'ifca-cpu', metricId: 'cpu-hours' }],
    [7, { installationId: 'ifca-cpu', metricId: 'countries' }],
  ]),
  columns: new Map([
    [3, 'P1'],
    [4, 'P2'],
  ]),
};

describe('mapping an edited range to value cells', () => {
  it('keeps only intersections of anchored rows and columns, with the A1 cell and the value as typed', () => {
    const cells = valueCellsIn(grid, { row: 5, column: 2, numRows: 3, numColumns: 3 }, [
      ['label', 94656, '393,888'],
      ['note row', 'x', 'y'],
      ['countries', 'FR, SP', ''],
    ]);
    expect(cells.map((cell) => [cell.a1, cell.submission])).toEqual([
      [
        'Metrics!C5',
        { installationId: 'ifca-cpu', metricId: 'cpu-hours', periodId: 'P1', raw: 94656, cell: 'Metrics!C5' },
      ],
      [
        'Metrics!D5',
        {
          installationId: 'ifca-cpu',
          metricId: 'cpu-hours',
          periodId: 'P2',
          raw: '393,888',
          cell: 'Metrics!D5',
        },
      ],
      [
        'Metrics!C7',
        {
          installationId: 'ifca-cpu',
          metricId: 'countries',
          periodId: 'P1',
          raw: 'FR, SP',
          cell: 'Metrics!C7',
        },
      ],
      [
        'Metrics!D7',
        { installationId: 'ifca-cpu', metricId: 'countries', periodId: 'P2', raw: null, cell: 'Metrics!D7' },
      ],
    ]);
  });

  it('finds nothing in a label, header or unanchored cell', () => {
    expect(valueCellsIn(grid, { row: 6, column: 3, numRows: 1, numColumns: 2 }, [['a', 'b']])).toEqual([]);
    expect(valueCellsIn(grid, { row: 1, column: 1, numRows: 4, numColumns: 5 }, [])).toEqual([]);
  });

  it('quotes a tab name with spaces in the A1 reference', () => {
    const [cell] = valueCellsIn(
      { ...grid, sheetName: "Partner's data" },
      { row: 5, column: 3, numRows: 1, numColumns: 1 },
      [[1]],
    );
    expect(cell?.a1).toBe("'Partner''s data'!C5");
  });

  it('reads blanks as a cleared value and dates as their ISO day', () => {
    expect(rawFromSheetValue('')).toBeNull();
    expect(rawFromSheetValue(new Date('2023-03-01T00:00:00Z'))).toBe('2023-03-01');
    expect(rawFromSheetValue('4.000.000')).toBe('4.000.000');
    expect(rawFromSheetValue(false)).toBe(false);
  });

  it("reads a date cell as the day it shows in the spreadsheet's time zone, not the UTC day", () => {
    // getValues answers 1 March in Madrid as midnight there: 28 February, 23:00 UTC.
    const midnightInMadrid = new Date('2023-02-28T23:00:00Z');
    expect(rawFromSheetValue(midnightInMadrid, 'Europe/Madrid')).toBe('2023-03-01');
    const [cell] = valueCellsIn(
      grid,
      { row: 5, column: 3, numRows: 1, numColumns: 1 },
      [[midnightInMadrid]],
      'Europe/Madrid',
    );
    expect(cell?.submission.raw).toBe('2023-03-01');
    // West of Greenwich, midnight is the same UTC day.
    expect(rawFromSheetValue(new Date('2023-03-01T05:00:00Z'), 'America/New_York')).toBe('2023-03-01');
  });

  it('boxes every value cell and restricts rows to some installations', () => {
    expect(valueBox(grid)).toEqual({ row: 5, column: 3, numRows: 3, numColumns: 2 });
    expect(valueBox(onlyInstallations(grid, new Set(['incd-cpu'])))).toBeUndefined();
  });
});
