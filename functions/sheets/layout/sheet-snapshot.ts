import type { sheets_v4 } from '@googleapis/sheets';
import { ANCHOR_KEYS } from './anchors';
import { backgroundHexOf, NO_PAINT } from './cell-paint-requests';
import type { CellPaint } from './outcome-paint';

/** Developer metadata found on a row or a column, with the index it sits at now. */
export interface DimensionAnchor {
  metadataId: number;
  key: string;
  value: string;
  index: number;
}

/** One tab as read: where its anchored rows and columns are now, and the text of its cells. */
export interface TabSnapshot {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  rowAnchors: DimensionAnchor[];
  columnAnchors: DimensionAnchor[];
  /** cells[row][column]: the value as entered, as text ('' when empty). */
  cells: string[][];
  /** Cells with a background or a note, by cellKey(row, column); the others have NO_PAINT. */
  paints: ReadonlyMap<string, CellPaint>;
  protectedRanges: sheets_v4.Schema$ProtectedRange[];
}

export interface SpreadsheetSnapshot {
  /** The project id of the spreadsheet anchor, undefined when the sheet was never set up. */
  projectId: string | undefined;
  /** Tabs by the role their anchor names (tab-registry.ts says which roles the functions use). */
  tabs: Partial<Record<string, TabSnapshot>>;
  /** Every sheet id and title in use, anchored or not: new tabs must not collide with them. */
  sheetIds: number[];
  titles: string[];
}

const METADATA = 'developerMetadata(metadataId,metadataKey,metadataValue)';

/**
 * The one read of a write-back: every tab's anchors, protected ranges, entered values, notes and
 * backgrounds (so a setup repaints only what differs), nothing else, whatever the number of
 * installations.
 */
export const SNAPSHOT_FIELDS = [
  METADATA,
  `sheets(properties(sheetId,title,gridProperties(rowCount,columnCount,frozenRowCount)),${METADATA},` +
    'protectedRanges(protectedRangeId,description,range,editors,unprotectedRanges),' +
    `data(startRow,startColumn,rowMetadata(${METADATA}),columnMetadata(${METADATA}),rowData(values(userEnteredValue,note,userEnteredFormat(backgroundColor,backgroundColorStyle)))))`,
].join(',');

/** A cell's entered value as text: what a person typed into a text-formatted cell, or what we wrote. */
export function enteredText(value: sheets_v4.Schema$ExtendedValue | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.numberValue === 'number') return String(value.numberValue);
  if (typeof value.boolValue === 'boolean') return value.boolValue ? 'TRUE' : 'FALSE';
  if (typeof value.formulaValue === 'string') return value.formulaValue;
  return '';
}

function anchorsOf(
  dimensions: sheets_v4.Schema$DimensionProperties[] | undefined,
  offset: number,
): DimensionAnchor[] {
  return (dimensions ?? []).flatMap((dimension, position) =>
    (dimension.developerMetadata ?? []).flatMap((metadata) =>
      typeof metadata.metadataKey === 'string' && typeof metadata.metadataId === 'number'
        ? [
            {
              metadataId: metadata.metadataId,
              key: metadata.metadataKey,
              value: metadata.metadataValue ?? '',
              index: offset + position,
            },
          ]
        : [],
    ),
  );
}

function readTab(sheet: sheets_v4.Schema$Sheet): TabSnapshot {
  const properties = sheet.properties ?? {};
  const rowCount = properties.gridProperties?.rowCount ?? 0;
  const columnCount = properties.gridProperties?.columnCount ?? 0;
  const cells: string[][] = Array.from({ length: rowCount }, () => Array(columnCount).fill(''));
  const rowAnchors: DimensionAnchor[] = [];
  const columnAnchors: DimensionAnchor[] = [];
  const paints = new Map<string, CellPaint>();
  for (const grid of sheet.data ?? []) {
    const startRow = grid.startRow ?? 0;
    const startColumn = grid.startColumn ?? 0;
    rowAnchors.push(...anchorsOf(grid.rowMetadata, startRow));
    columnAnchors.push(...anchorsOf(grid.columnMetadata, startColumn));
    (grid.rowData ?? []).forEach((row, rowOffset) => {
      const line = cells[startRow + rowOffset];
      if (line === undefined) return;
      (row.values ?? []).forEach((cell, columnOffset) => {
        const column = startColumn + columnOffset;
        if (column >= columnCount) return;
        line[column] = enteredText(cell.userEnteredValue);
        const paint = { background: backgroundHexOf(cell.userEnteredFormat), note: cell.note ?? '' };
        if (paint.background !== '' || paint.note !== '')
          paints.set(cellKey(startRow + rowOffset, column), paint);
      });
    });
  }
  return {
    sheetId: properties.sheetId ?? 0,
    title: properties.title ?? '',
    rowCount,
    columnCount,
    frozenRowCount: properties.gridProperties?.frozenRowCount ?? 0,
    // Metadata spanning several rows is reported on each of them: keep one entry per id and row.
    rowAnchors: uniqueAnchors(rowAnchors),
    columnAnchors: uniqueAnchors(columnAnchors),
    cells,
    paints,
    protectedRanges: sheet.protectedRanges ?? [],
  };
}

function uniqueAnchors(anchors: DimensionAnchor[]): DimensionAnchor[] {
  const seen = new Set<string>();
  return anchors.filter((anchor) => {
    const id = `${anchor.metadataId}@${anchor.index}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function roleOf(sheet: sheets_v4.Schema$Sheet): string | undefined {
  const value = sheet.developerMetadata?.find(
    (metadata) => metadata.metadataKey === ANCHOR_KEYS.tab,
  )?.metadataValue;
  // Any role is kept: only the registered ones are ever looked up (a tab module's role).
  return value || undefined;
}

/** Reads the answer of spreadsheets.get with SNAPSHOT_FIELDS; a tab is known by its anchor, not its title. */
export function readSnapshot(spreadsheet: sheets_v4.Schema$Spreadsheet): SpreadsheetSnapshot {
  const tabs: Partial<Record<string, TabSnapshot>> = {};
  for (const sheet of spreadsheet.sheets ?? []) {
    const role = roleOf(sheet);
    // Two tabs claiming one role (a duplicated tab copies its metadata): the first one is ours.
    if (role !== undefined && tabs[role] === undefined) tabs[role] = readTab(sheet);
  }
  const projectId = spreadsheet.developerMetadata?.find(
    (metadata) => metadata.metadataKey === ANCHOR_KEYS.project,
  )?.metadataValue;
  return {
    projectId: projectId ?? undefined,
    tabs,
    sheetIds: (spreadsheet.sheets ?? []).map((sheet) => sheet.properties?.sheetId ?? 0),
    titles: (spreadsheet.sheets ?? []).map((sheet) => sheet.properties?.title ?? ''),
  };
}

/** Row indices by anchor value for one key; the first row wins when a value repeats. */
export function rowsByAnchor(tab: TabSnapshot, key: string): Map<string, number> {
  const rows = new Map<string, number>();
  for (const anchor of [...tab.rowAnchors].sort((a, b) => a.index - b.index)) {
    if (anchor.key === key && !rows.has(anchor.value)) rows.set(anchor.value, anchor.index);
  }
  return rows;
}

export function columnsByAnchor(tab: TabSnapshot, key: string): Map<string, number> {
  const columns = new Map<string, number>();
  for (const anchor of [...tab.columnAnchors].sort((a, b) => a.index - b.index)) {
    if (anchor.key === key && !columns.has(anchor.value)) columns.set(anchor.value, anchor.index);
  }
  return columns;
}

export function cellText(tab: TabSnapshot, row: number, column: number): string {
  return tab.cells[row]?.[column] ?? '';
}

export const cellKey = (row: number, column: number): string => `${row}:${column}`;

/** A cell's background and note as read; NO_PAINT for a plain cell. */
export function cellPaint(tab: TabSnapshot, row: number, column: number): CellPaint {
  return tab.paints.get(cellKey(row, column)) ?? NO_PAINT;
}
