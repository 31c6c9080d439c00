import type { sheets_v4 } from '@googleapis/sheets';
import type { Cell } from './cell';
import type { StoredMetadata } from './developer-metadata';
import type { ProtectedRangeData } from './protected-range';

/**
 * The whole state of a workbook is plain JSON (no class instances, no undefined in arrays), so that
 * a snapshot is a deep copy, two snapshots compare with JSON.stringify, and a file round-trips it.
 */
export interface RowData {
  /** May be shorter than the sheet's column count: missing cells are empty. */
  cells: Cell[];
  pixelSize?: number;
  hiddenByUser?: boolean;
  metadata: StoredMetadata[];
}

export interface ColumnData {
  pixelSize?: number;
  hiddenByUser?: boolean;
  metadata: StoredMetadata[];
}

export interface GridPropertiesData {
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  frozenColumnCount: number;
}

export interface SheetPropertiesData {
  sheetId: number;
  title: string;
  index: number;
  gridProperties: GridPropertiesData;
  hidden?: boolean;
  tabColorStyle?: sheets_v4.Schema$ColorStyle;
}

export interface SheetData {
  properties: SheetPropertiesData;
  /** Exactly rowCount entries; columns exactly columnCount. */
  rows: RowData[];
  columns: ColumnData[];
  metadata: StoredMetadata[];
  protectedRanges: ProtectedRangeData[];
}

export interface SpreadsheetPropertiesData {
  title: string;
  locale: string;
  timeZone: string;
}

export interface SpreadsheetData {
  spreadsheetId: string;
  properties: SpreadsheetPropertiesData;
  owner: string;
  /** E-mails with edit access, lower case, the owner included. */
  sharedWith: string[];
  sheets: SheetData[];
  metadata: StoredMetadata[];
  /** Next free id for sheets, metadata and protected ranges (one counter: ids never collide). */
  nextId: number;
}

export interface WorkbookFile {
  format: 'va-assess-local-workbook';
  version: 1;
  spreadsheets: SpreadsheetData[];
}
