import type { CellOutcome } from '../../functions/shared/addon-contract';
import { entryRowValue } from '../../functions/shared/addon-contract';
import { paintForOutcome } from '../core/cell-note';
import { rawFromSheetValue } from '../core/value-grid';
import { findMetricsSheet, readMetricsTab } from './metrics-tab';
import { paintCells } from './painter';

/**
 * Stored cells the API checked again because a value their rules read has changed (a corrected P1
 * changes P2's "rose from ..." warning): their colour and note are painted again, so no note quotes
 * a value that is gone. Each is found by its row's key cell and its period's header cell, in the one
 * read of the tab (row metadata stays behind when someone sorts; key cells move with the values).
 */
export function repaintRevalidated(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  revalidated: readonly CellOutcome[],
): void {
  if (revalidated.length === 0) return;
  const sheet = findMetricsSheet(spreadsheet);
  if (sheet === undefined) return;
  const { grid, values } = readMetricsTab(sheet);
  const rowOf = new Map([...grid.rows].map(([row, key]) => [entryRowValue(key), row]));
  const columnOf = new Map([...grid.columns].map(([column, periodId]) => [periodId, column]));
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const cells = revalidated.flatMap((outcome) => {
    const row = rowOf.get(entryRowValue(outcome));
    const column = columnOf.get(outcome.periodId);
    if (row === undefined || column === undefined) return [];
    // "Read:" quotes what the cell shows, as the live edit's note did.
    const raw = rawFromSheetValue(values[row - 1]?.[column - 1], timeZone);
    return [{ row, column, paint: paintForOutcome(outcome, raw) }];
  });
  paintCells(sheet, cells);
}
