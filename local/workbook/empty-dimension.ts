import type { ColumnData, RowData } from './workbook-data';

/** A row or column with no cells, size or metadata of its own. */
export const emptyRow = (): RowData => ({ cells: [], metadata: [] });
export const emptyColumn = (): ColumnData => ({ metadata: [] });
