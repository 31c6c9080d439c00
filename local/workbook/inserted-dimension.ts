import { type Cell, isEmptyCell } from './cell';
import type { Dimension } from './developer-metadata';
import { emptyColumn, emptyRow } from './empty-dimension';
import type { ColumnData, RowData, SheetData } from './workbook-data';

/**
 * Inserts `count` rows or columns at `start` that inherit size and formats from the one at
 * `neighbourIndex`, as Google does; never metadata, values or notes. Counts and protections are
 * the caller's (Sheet.insertDimension).
 */
export function insertInheriting(
  data: SheetData,
  dimension: Dimension,
  start: number,
  count: number,
  neighbourIndex: number,
): void {
  if (dimension === 'ROWS') {
    const neighbour = data.rows[neighbourIndex];
    const fresh = Array.from({ length: count }, (): RowData => {
      const row = emptyRow();
      if (neighbour?.pixelSize !== undefined) row.pixelSize = neighbour.pixelSize;
      row.cells = (neighbour?.cells ?? []).map((cell) =>
        cell.userEnteredFormat === undefined
          ? {}
          : { userEnteredFormat: structuredClone(cell.userEnteredFormat) },
      );
      while (row.cells.length > 0 && isEmptyCell(row.cells[row.cells.length - 1])) row.cells.pop();
      return row;
    });
    data.rows.splice(start, 0, ...fresh);
  } else {
    const neighbour = data.columns[neighbourIndex];
    const fresh = Array.from({ length: count }, (): ColumnData => {
      const column = emptyColumn();
      if (neighbour?.pixelSize !== undefined) column.pixelSize = neighbour.pixelSize;
      return column;
    });
    data.columns.splice(start, 0, ...fresh);
    for (const row of data.rows) {
      if (row.cells.length <= start) continue;
      const format = row.cells[neighbourIndex]?.userEnteredFormat;
      const inserted = Array.from(
        { length: count },
        (): Cell => (format === undefined ? {} : { userEnteredFormat: structuredClone(format) }),
      );
      row.cells.splice(start, 0, ...inserted);
    }
  }
}
