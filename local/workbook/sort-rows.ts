import { isEmptyCell, type UserEnteredValue } from './cell';
import type { GridRect } from './grid-range';
import type { RowData, SheetData } from './workbook-data';

export interface SortSpec {
  /** Absolute column index. */
  column: number;
  ascending: boolean;
}

/** Google's order for sorting: numbers, then text (case-insensitive), then booleans; empty cells last. */
function sortRank(value: UserEnteredValue | undefined): [number, number | string] {
  if (value === undefined) return [3, 0];
  if ('numberValue' in value) return [0, value.numberValue];
  if ('boolValue' in value) return [2, value.boolValue ? 1 : 0];
  const text = 'stringValue' in value ? value.stringValue : value.formulaValue;
  return [1, text.toLowerCase()];
}

/** The cells of a checked rectangle reordered by its rows (Sheet.sortRows says what moves and what stays). */
export function sortCellsOfRows(
  data: SheetData,
  rect: GridRect,
  specs: readonly SortSpec[],
  rowAt: (index: number) => RowData,
): void {
  const indexes = Array.from({ length: rect.endRow - rect.startRow }, (_, i) => rect.startRow + i);
  const compare = (a: number, b: number): number => {
    for (const spec of specs) {
      const [rankA, keyA] = sortRank(data.rows[a]?.cells[spec.column]?.userEnteredValue);
      const [rankB, keyB] = sortRank(data.rows[b]?.cells[spec.column]?.userEnteredValue);
      if (rankA === 3 || rankB === 3) {
        if (rankA !== rankB) return rankA === 3 ? 1 : -1;
        continue;
      }
      const order = rankA !== rankB ? rankA - rankB : keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
      if (order !== 0) return spec.ascending ? order : -order;
    }
    return 0;
  };
  const sorted = [...indexes].sort(compare);
  const blocks = sorted.map((old) =>
    Array.from(
      { length: rect.endColumn - rect.startColumn },
      (_, c) => data.rows[old]?.cells[rect.startColumn + c] ?? {},
    ),
  );
  blocks.forEach((cells, offset) => {
    const row = rowAt(rect.startRow + offset);
    while (row.cells.length < rect.endColumn) row.cells.push({});
    row.cells.splice(rect.startColumn, cells.length, ...cells);
    while (row.cells.length > 0 && isEmptyCell(row.cells[row.cells.length - 1])) row.cells.pop();
  });
}
