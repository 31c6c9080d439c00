import type { CellOutcome } from '../../functions/api/contract';
import { ANCHOR_KEYS, entryRowValue } from '../../functions/sheets/layout/anchors';
import { paintForOutcome } from '../core/cell-note';
import { rawFromSheetValue } from '../core/value-grid';
import { findMetricsSheet } from './metrics-tab';
import { paintCells } from './painter';

/**
 * Stored cells the API checked again because a value their rules read has changed (a corrected P1
 * changes P2's "rose from ..." warning): their colour and note are painted again, so no note quotes
 * a value that is gone. The API names them rarely, so each is found by its own anchors (a row search
 * per installation and metric, a column search per period) rather than by reading every anchor.
 */
export function repaintRevalidated(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  revalidated: readonly CellOutcome[],
): void {
  if (revalidated.length === 0) return;
  const sheet = findMetricsSheet(spreadsheet);
  if (sheet === undefined) return;
  const rowOf = memo((rowValue: string) =>
    firstIndex(sheet, ANCHOR_KEYS.entryRow, rowValue, (location) => location.getRow()?.getRow()),
  );
  const columnOf = memo((periodId: string) =>
    firstIndex(sheet, ANCHOR_KEYS.periodColumn, periodId, (location) => location.getColumn()?.getColumn()),
  );
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const cells = revalidated.flatMap((outcome) => {
    const row = rowOf(entryRowValue(outcome));
    const column = columnOf(outcome.periodId);
    if (row === undefined || column === undefined) return [];
    // "Read:" quotes what the cell shows, as the live edit's note did.
    const raw = rawFromSheetValue(sheet.getRange(row, column).getValue(), timeZone);
    return [{ row, column, paint: paintForOutcome(outcome, raw) }];
  });
  paintCells(sheet, cells);
}

type MetadataLocation = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;

function firstIndex(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  key: string,
  value: string,
  indexOf: (location: MetadataLocation) => number | undefined,
): number | undefined {
  for (const metadata of sheet.createDeveloperMetadataFinder().withKey(key).withValue(value).find()) {
    const index = indexOf(metadata.getLocation());
    if (index !== undefined) return index;
  }
  return undefined;
}

function memo<T>(compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (!known.has(key)) known.set(key, compute(key));
    return known.get(key) as T;
  };
}
