import { placeNewRows } from '../../../functions/sheets/layout/row-placement';

describe('placeNewRows', () => {
  // Header at 0, installation A at 1..3, B at 4..5: a new A metric before 4, a new C at the end.
  const placement = placeNewRows(
    3,
    6,
    new Map([
      [4, ['a-new']],
      [6, ['c-1', 'c-2']],
    ]),
  );

  it('puts each new row where it belongs and says where every existing row went', () => {
    expect(placement.placed).toEqual([
      { item: 'a-new', row: 4 },
      { item: 'c-1', row: 7 },
      { item: 'c-2', row: 8 },
    ]);
    expect([1, 3, 4, 5].map(placement.shifted)).toEqual([1, 3, 5, 6]);
    expect(placement.rowCount).toBe(9);
  });

  it('makes room from the bottom up, appending at the end and inheriting formats from the row above', () => {
    expect(placement.requests).toEqual([
      { appendDimension: { sheetId: 3, dimension: 'ROWS', length: 2 } },
      {
        insertDimension: {
          range: { sheetId: 3, dimension: 'ROWS', startIndex: 4, endIndex: 5 },
          inheritFromBefore: true,
        },
      },
    ]);
  });

  it('never inherits the header row for rows inserted at the top', () => {
    const top = placeNewRows(3, 6, new Map([[1, ['first']]]));
    expect(top.requests[0]?.insertDimension?.inheritFromBefore).toBe(false);
    expect(top.placed).toEqual([{ item: 'first', row: 1 }]);
    expect(top.shifted(1)).toBe(2);
  });
});
