// Types only: the execution's worker thread uses these too, without loading the workbook.
import type { GridRange, GridRect } from '../workbook';
import type { RangeRef } from './host-views';

/**
 * SpreadsheetApp counts from 1 (row, column, size); the workbook from 0, half-open. The conversions
 * between them, written once.
 */
export function gridRectOf(range: RangeRef): GridRect {
  return {
    sheetId: range.sheetId,
    startRow: range.row - 1,
    endRow: range.row - 1 + range.numRows,
    startColumn: range.column - 1,
    endColumn: range.column - 1 + range.numColumns,
  };
}

export function rangeRefOf(sheetId: number, rect: GridRect): RangeRef {
  return {
    sheetId,
    row: rect.startRow + 1,
    column: rect.startColumn + 1,
    numRows: rect.endRow - rect.startRow,
    numColumns: rect.endColumn - rect.startColumn,
  };
}

/** The Sheets API's GridRange of a range: every side bounded. */
export function gridRangeOf(range: RangeRef): GridRange {
  const rect = gridRectOf(range);
  return {
    sheetId: rect.sheetId,
    startRowIndex: rect.startRow,
    endRowIndex: rect.endRow,
    startColumnIndex: rect.startColumn,
    endColumnIndex: rect.endColumn,
  };
}
