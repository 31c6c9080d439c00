import { ANCHOR_KEYS, type EntryRowKey, parseEntryRowValue } from '../../functions/sheets/layout/anchors';
import type { ValueGrid } from '../core/value-grid';

export interface MetricsTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  grid: ValueGrid;
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

type MetadataFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;

/**
 * Each anchor found costs calls of its own (its location, then that location's row or column), so
 * the searches `finder` makes decide what reading the tab costs.
 */
function readAnchors(sheet: GoogleAppsScript.Spreadsheet.Sheet, finder: () => MetadataFinder): MetricsTab {
  const rows = new Map<number, EntryRowKey>();
  for (const metadata of finder().withKey(ANCHOR_KEYS.entryRow).find()) {
    const key = parseEntryRowValue(metadata.getValue() ?? '');
    const row = metadata.getLocation().getRow();
    if (key !== undefined && row !== null) rows.set(row.getRow(), key);
  }
  const columns = new Map<number, string>();
  for (const metadata of finder().withKey(ANCHOR_KEYS.periodColumn).find()) {
    const column = metadata.getLocation().getColumn();
    const periodId = metadata.getValue();
    if (column !== null && periodId) columns.set(column.getColumn(), periodId);
  }
  return { sheet, grid: { sheetId: sheet.getSheetId(), sheetName: sheet.getName(), rows, columns } };
}

/** The anchored rows and columns of the Metrics tab: three metadata searches, no cell is read. */
export function readMetricsTab(sheet: GoogleAppsScript.Spreadsheet.Sheet): MetricsTab {
  return readAnchors(sheet, () => sheet.createDeveloperMetadataFinder());
}

/**
 * Only the anchored rows and columns that cross `range`: what an edit needs to name its own cells,
 * without the two calls per anchor that reading every row of the tab costs on each keystroke.
 */
export function readMetricsTabAcross(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  range: GoogleAppsScript.Spreadsheet.Range,
): MetricsTab {
  return readAnchors(sheet, () => range.createDeveloperMetadataFinder().onIntersectingLocations());
}

export function findMetricsTab(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): MetricsTab | undefined {
  const sheet = findMetricsSheet(spreadsheet);
  return sheet === undefined ? undefined : readMetricsTab(sheet);
}

export const NO_METRICS_TAB =
  'This spreadsheet has no Metrics tab set up by va-assess yet: a coordinator runs Extensions › va-assess › Set up reporting sheet.';
