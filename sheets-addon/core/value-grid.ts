import type { CellSubmission, RawInput } from '../../functions/api/contract';
import { columnLetter } from '../../functions/domain/import/a1-notation';
import type { EntryRowKey } from '../../functions/sheets/layout/anchors';

/**
 * Where the value cells of the Metrics tab are, read from developer-metadata anchors: a value cell is
 * the intersection of an anchored row and an anchored column, wherever sorting or inserts moved them.
 */
export interface ValueGrid {
  sheetId: number;
  sheetName: string;
  /** 1-based row number → the installation and metric that row reports. */
  rows: ReadonlyMap<number, EntryRowKey>;
  /** 1-based column number → the period id that column holds. */
  columns: ReadonlyMap<number, string>;
}

/** A rectangle of the sheet, 1-based like SpreadsheetApp's getRange(row, column, numRows, numColumns). */
export interface Box {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ValueCell {
  row: number;
  column: number;
  /** "Metrics!D7": what notes, the API's messages and the sidebar name. */
  a1: string;
  submission: CellSubmission;
}

export function a1Of(sheetName: string, row: number, column: number): string {
  const quoted = /^[A-Za-z0-9_]+$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${quoted}!${columnLetter(column - 1)}${row}`;
}

/** The day `date` falls on in `timeZone`, as "2023-03-01". */
function isoDayIn(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * What a cell holds, as the API takes it: numbers stay numbers (the sheet already parsed them), text
 * stays as typed, an empty cell is null (a cleared value), a date becomes its ISO day in the
 * spreadsheet's time zone (getValues answers a date cell as midnight there, which is the day before
 * in UTC east of Greenwich).
 */
export function rawFromSheetValue(value: unknown, timeZone = 'Etc/UTC'): RawInput {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : isoDayIn(value, timeZone);
  return String(value);
}

/** The value cells inside `box`, with `values` as getValues() returned them for that box. */
export function valueCellsIn(
  grid: ValueGrid,
  box: Box,
  values: readonly (readonly unknown[])[],
  /** The spreadsheet's (Spreadsheet.getSpreadsheetTimeZone): the day a date cell shows. */
  timeZone = 'Etc/UTC',
): ValueCell[] {
  const cells: ValueCell[] = [];
  for (let r = 0; r < box.numRows; r += 1) {
    const row = box.row + r;
    const key = grid.rows.get(row);
    if (key === undefined) continue;
    for (let c = 0; c < box.numColumns; c += 1) {
      const column = box.column + c;
      const periodId = grid.columns.get(column);
      if (periodId === undefined) continue;
      const a1 = a1Of(grid.sheetName, row, column);
      cells.push({
        row,
        column,
        a1,
        submission: {
          installationId: key.installationId,
          metricId: key.metricId,
          periodId: periodId as CellSubmission['periodId'],
          raw: rawFromSheetValue(values[r]?.[c], timeZone),
          cell: a1,
        },
      });
    }
  }
  return cells;
}

/** The smallest box holding every value cell, or undefined when the tab has no anchors yet. */
export function valueBox(grid: ValueGrid): Box | undefined {
  const rows = [...grid.rows.keys()];
  const columns = [...grid.columns.keys()];
  if (rows.length === 0 || columns.length === 0) return undefined;
  const row = Math.min(...rows);
  const column = Math.min(...columns);
  return {
    row,
    column,
    numRows: Math.max(...rows) - row + 1,
    numColumns: Math.max(...columns) - column + 1,
  };
}

/** The grid restricted to the rows of some installations: "Validate my rows". */
export function onlyInstallations(grid: ValueGrid, installationIds: ReadonlySet<string>): ValueGrid {
  return {
    ...grid,
    rows: new Map([...grid.rows].filter(([, key]) => installationIds.has(key.installationId))),
  };
}
