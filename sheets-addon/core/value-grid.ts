import type { CellSubmission, RawInput } from '../../functions/shared/addon-contract';
import {
  columnLetter,
  type EntryRowKey,
  KEY_COLUMN_HEADER,
  parseEntryRowValue,
  periodIdOfHeader,
} from '../../functions/shared/addon-contract';

/**
 * Where the value cells of the Metrics tab are, read from cells: a row is known by its key cell
 * ("ifca-cpu/cpu-hours", which moves with the row's values when someone sorts; row metadata does
 * not), a period column by its header cell ("P1 (M01–M06)"). A value cell is where the two cross.
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

/** The header row as read: the key column and the period columns (1-based), by their header cells. */
export interface HeaderColumns {
  keyColumn: number | undefined;
  periods: Map<number, string>;
}

/** The first column headed KEY_COLUMN_HEADER, and each period's first column. */
export function headerColumns(header: readonly unknown[]): HeaderColumns {
  let keyColumn: number | undefined;
  const periods = new Map<number, string>();
  const seen = new Set<string>();
  header.forEach((cell, index) => {
    const text = typeof cell === 'string' ? cell.trim() : '';
    if (text === KEY_COLUMN_HEADER && keyColumn === undefined) keyColumn = index + 1;
    const periodId = periodIdOfHeader(text);
    if (periodId !== undefined && !seen.has(periodId)) {
      seen.add(periodId);
      periods.set(index + 1, periodId);
    }
  });
  return { keyColumn, periods };
}

/**
 * Rows (1-based, from `firstRow`) by the key their key cell holds; a cell that holds no key (a blank
 * row someone inserted, text that is not "<installation>/<metric>") names no row, and a key repeated
 * below its first row names nothing more (as setup reads it).
 */
export function rowsFromKeyCells(
  firstRow: number,
  keyCells: readonly unknown[],
  taken: Set<string> = new Set(),
): Map<number, EntryRowKey> {
  const rows = new Map<number, EntryRowKey>();
  keyCells.forEach((cell, offset) => {
    const text = typeof cell === 'string' ? cell.trim() : '';
    const key = parseEntryRowValue(text);
    if (key === undefined || taken.has(text)) return;
    taken.add(text);
    rows.set(firstRow + offset, key);
  });
  return rows;
}

/** The part of a whole-tab read (values[0] is row 1, column 1) that `box` covers, as getValues of it. */
export function valuesIn(values: readonly (readonly unknown[])[], box: Box): unknown[][] {
  return Array.from({ length: box.numRows }, (_, r) =>
    Array.from({ length: box.numColumns }, (_, c) => values[box.row - 1 + r]?.[box.column - 1 + c] ?? ''),
  );
}
