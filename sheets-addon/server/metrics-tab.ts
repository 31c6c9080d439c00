import { ANCHOR_KEYS, KEY_COLUMN_ID } from '../../functions/shared/addon-contract';
import { type HeaderColumns, headerColumns, rowsFromKeyCells, type ValueGrid } from '../core/value-grid';

export interface MetricsTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  grid: ValueGrid;
}

/** The whole tab as one read returned it: values[0] is row 1, values[r][c] is row r + 1, column c + 1. */
export interface ReadMetricsTab extends MetricsTab {
  values: unknown[][];
}

/** The tab anchored as "metrics", by developer metadata: its title and position may have changed. */
export function findMetricsSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet | undefined {
  const found = spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(ANCHOR_KEYS.tab)
    .withValue('metrics')
    .find();
  for (const metadata of found) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet !== null && sheet !== undefined) return sheet;
  }
  return undefined;
}

/** Columns anchored with `key`, by anchor value: a few calls per column, never per row. */
function anchoredColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, key: string): Map<string, number> {
  const columns = new Map<string, number>();
  for (const metadata of sheet.createDeveloperMetadataFinder().withKey(key).find()) {
    const column = metadata.getLocation().getColumn();
    const value = metadata.getValue();
    if (column !== null && value && !columns.has(value)) columns.set(value, column.getColumn());
  }
  return columns;
}

/**
 * The key and period columns by their header cells; only where a header was renamed (setup writes
 * them back) does the columns' metadata, a second witness, locate them.
 */
function locateColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: readonly unknown[]): HeaderColumns {
  const found = headerColumns(header);
  if (found.keyColumn === undefined) {
    found.keyColumn = anchoredColumns(sheet, ANCHOR_KEYS.labelColumn).get(KEY_COLUMN_ID);
  }
  if (found.periods.size === 0) {
    for (const [periodId, column] of anchoredColumns(sheet, ANCHOR_KEYS.periodColumn)) {
      found.periods.set(column, periodId);
    }
  }
  return found;
}

function gridOf(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: HeaderColumns,
  rows: ValueGrid['rows'],
): ValueGrid {
  return { sheetId: sheet.getSheetId(), sheetName: sheet.getName(), rows, columns: columns.periods };
}

/**
 * Every row and period column of the Metrics tab from ONE read of its cells (header, key column and
 * values together): what it costs does not grow with the number of installations.
 */
export function readMetricsTab(sheet: GoogleAppsScript.Spreadsheet.Sheet): ReadMetricsTab {
  const values = sheet.getDataRange().getValues();
  const columns = locateColumns(sheet, values[0] ?? []);
  const keyIndex = columns.keyColumn;
  const rows =
    keyIndex === undefined
      ? new Map()
      : rowsFromKeyCells(
          2,
          values.slice(1).map((line) => line[keyIndex - 1]),
        );
  return { sheet, grid: gridOf(sheet, columns, rows), values };
}

/**
 * Only the rows that cross `range` (the key cells of the edited rows) and the header row: what an
 * edit needs to name its own cells, in two reads whatever the size of the tab.
 */
export function readMetricsTabAcross(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  range: GoogleAppsScript.Spreadsheet.Range,
): MetricsTab {
  const lastColumn = Math.max(1, sheet.getLastColumn());
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? [];
  const columns = locateColumns(sheet, header);
  const keyIndex = columns.keyColumn;
  const rows =
    keyIndex === undefined
      ? new Map()
      : rowsFromKeyCells(
          range.getRow(),
          sheet
            .getRange(range.getRow(), keyIndex, range.getNumRows(), 1)
            .getValues()
            .map((line) => line[0]),
        );
  return { sheet, grid: gridOf(sheet, columns, rows) };
}

export function findMetricsTab(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): ReadMetricsTab | undefined {
  const sheet = findMetricsSheet(spreadsheet);
  return sheet === undefined ? undefined : readMetricsTab(sheet);
}

export const NO_METRICS_TAB =
  'This spreadsheet has no Metrics tab set up by va-assess yet: a coordinator runs Extensions › va-assess › Set up reporting sheet.';
