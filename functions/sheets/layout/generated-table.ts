import type { sheets_v4 } from '@googleapis/sheets';
import {
  anchorRow,
  appendRows,
  BOLD,
  type CellData,
  columnWidth,
  freezeRows,
  type Request,
  textCell,
  writeCells,
} from './sheet-requests';
import { cellText, rowsByAnchor, type TabSnapshot } from './sheet-snapshot';

/** A column of a tab the functions write whole (Installations, Assessments). */
export interface GeneratedColumn {
  header: string;
  width: number;
  wrapped?: boolean;
}

export interface GeneratedRow {
  anchor: string;
  texts: string[];
}

export const GENERATED_CELL_FIELDS =
  'userEnteredValue,userEnteredFormat.wrapStrategy,userEnteredFormat.verticalAlignment';

export function generatedCell(text: string, column: GeneratedColumn | undefined): CellData {
  const format: sheets_v4.Schema$CellFormat = {
    wrapStrategy: column?.wrapped === true ? 'WRAP' : 'OVERFLOW_CELL',
    verticalAlignment: 'TOP',
  };
  return textCell(text, format);
}

/** Header row (bold, frozen) and widths, for a tab just created. */
export function headerRequests(sheetId: number, columns: readonly GeneratedColumn[]): Request[] {
  return [
    writeCells(
      sheetId,
      0,
      0,
      [columns.map((column) => textCell(column.header, BOLD))],
      'userEnteredValue,userEnteredFormat.textFormat.bold',
    ),
    ...columns.map((column, index) => columnWidth(sheetId, index, column.width)),
  ];
}

export function headerFixes(tab: TabSnapshot, columns: readonly GeneratedColumn[]): Request[] {
  const stale = columns.some((column, index) => cellText(tab, 0, index) !== column.header);
  return stale
    ? [writeCells(tab.sheetId, 0, 0, [columns.map((column) => textCell(column.header))], 'userEnteredValue')]
    : [];
}

/**
 * Brings the anchored rows of a generated tab in line with `rows`: a row whose text differs is
 * rewritten, a missing row appended with its anchor; rows already right are left alone.
 */
export function syncGeneratedRows(
  tab: TabSnapshot,
  anchorKey: string,
  columns: readonly GeneratedColumn[],
  rows: readonly GeneratedRow[],
  created: boolean,
): Request[] {
  const requests: Request[] = created ? headerRequests(tab.sheetId, columns) : headerFixes(tab, columns);
  const found = rowsByAnchor(tab, anchorKey);
  const missing: GeneratedRow[] = [];
  for (const row of rows) {
    const index = found.get(row.anchor);
    if (index === undefined) {
      missing.push(row);
      continue;
    }
    if (row.texts.some((text, column) => cellText(tab, index, column) !== text)) {
      requests.push(
        writeCells(
          tab.sheetId,
          index,
          0,
          [row.texts.map((text, column) => generatedCell(text, columns[column]))],
          GENERATED_CELL_FIELDS,
        ),
      );
    }
  }
  if (missing.length > 0) {
    requests.push(appendRows(tab.sheetId, missing.length));
    missing.forEach((row, offset) => {
      requests.push(anchorRow(tab.sheetId, tab.rowCount + offset, anchorKey, row.anchor));
    });
    requests.push(
      writeCells(
        tab.sheetId,
        tab.rowCount,
        0,
        missing.map((row) => row.texts.map((text, column) => generatedCell(text, columns[column]))),
        GENERATED_CELL_FIELDS,
      ),
    );
  }
  if (tab.frozenRowCount < 1 && tab.rowCount + missing.length > 1) requests.push(freezeRows(tab.sheetId, 1));
  return requests;
}
