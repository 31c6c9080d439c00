import { emptyColumn, emptyRow } from './empty-dimension';
import type { SheetData } from './workbook-data';

export interface NewSheet {
  sheetId?: number;
  title?: string;
  index?: number;
  rowCount?: number;
  columnCount?: number;
  frozenRowCount?: number;
  frozenColumnCount?: number;
  hidden?: boolean;
}

/** A new tab's data once its id, title, place and size are settled and checked (Spreadsheet.addSheet). */
export function newSheetData(
  settled: { sheetId: number; title: string; index: number; rowCount: number; columnCount: number },
  spec: NewSheet,
): SheetData {
  return {
    properties: {
      sheetId: settled.sheetId,
      title: settled.title,
      index: settled.index,
      gridProperties: {
        rowCount: settled.rowCount,
        columnCount: settled.columnCount,
        frozenRowCount: spec.frozenRowCount ?? 0,
        frozenColumnCount: spec.frozenColumnCount ?? 0,
      },
      ...(spec.hidden ? { hidden: true } : {}),
    },
    rows: Array.from({ length: settled.rowCount }, emptyRow),
    columns: Array.from({ length: settled.columnCount }, emptyColumn),
    metadata: [],
    protectedRanges: [],
  };
}
