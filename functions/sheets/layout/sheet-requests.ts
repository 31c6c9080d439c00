import type { sheets_v4 } from '@googleapis/sheets';

export type Request = sheets_v4.Schema$Request;
export type CellData = sheets_v4.Schema$CellData;
export type GridRange = sheets_v4.Schema$GridRange;

/**
 * Text from people or from generation is always a stringValue: "=IMPORTXML(...)", "+1" or "@x" stay
 * text, never a formula.
 */
export const textCell = (text: string, format?: sheets_v4.Schema$CellFormat): CellData => ({
  userEnteredValue: { stringValue: text },
  ...(format === undefined ? {} : { userEnteredFormat: format }),
});

export const numberCell = (
  value: number,
  pattern: string,
  type: 'NUMBER' | 'PERCENT' = 'NUMBER',
): CellData => ({
  userEnteredValue: { numberValue: value },
  userEnteredFormat: { numberFormat: { type, pattern } },
});

export const emptyCell: CellData = {};

export const BOLD: sheets_v4.Schema$CellFormat = { textFormat: { bold: true } };
export const WRAPPED: sheets_v4.Schema$CellFormat = { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' };
/** Value cells keep exactly what a partner typed: "4.000.000" stays text, not four million or a date. */
export const TEXT_FORMAT: sheets_v4.Schema$CellFormat = { numberFormat: { type: 'TEXT' } };

/** Writes `rows` from (row, column); `fields` says which parts of each cell are replaced (others kept). */
export function writeCells(
  sheetId: number,
  row: number,
  column: number,
  rows: CellData[][],
  fields = 'userEnteredValue',
): Request {
  return {
    updateCells: {
      start: { sheetId, rowIndex: row, columnIndex: column },
      rows: rows.map((values) => ({ values })),
      fields,
    },
  };
}

export function appendRows(sheetId: number, length: number): Request {
  return { appendDimension: { sheetId, dimension: 'ROWS', length } };
}

export function appendColumns(sheetId: number, length: number): Request {
  return { appendDimension: { sheetId, dimension: 'COLUMNS', length } };
}

export function anchorRow(sheetId: number, row: number, key: string, value: string): Request {
  return anchorDimension(sheetId, 'ROWS', row, key, value);
}

export function anchorColumn(sheetId: number, column: number, key: string, value: string): Request {
  return anchorDimension(sheetId, 'COLUMNS', column, key, value);
}

/** DOCUMENT visibility: the add-on and the functions' service account live in different Google Cloud projects and both read the anchors. */
function createAnchor(
  key: string,
  value: string,
  location: sheets_v4.Schema$DeveloperMetadataLocation,
): Request {
  return {
    createDeveloperMetadata: {
      developerMetadata: { metadataKey: key, metadataValue: value, visibility: 'DOCUMENT', location },
    },
  };
}

function anchorDimension(
  sheetId: number,
  dimension: 'ROWS' | 'COLUMNS',
  index: number,
  key: string,
  value: string,
): Request {
  return createAnchor(key, value, {
    dimensionRange: { sheetId, dimension, startIndex: index, endIndex: index + 1 },
  });
}

export function anchorSheet(sheetId: number, key: string, value: string): Request {
  return createAnchor(key, value, { sheetId });
}

export function setMetadataValue(metadataId: number, value: string): Request {
  return {
    updateDeveloperMetadata: {
      dataFilters: [{ developerMetadataLookup: { metadataId } }],
      developerMetadata: { metadataValue: value },
      fields: 'metadataValue',
    },
  };
}

export function columnWidth(sheetId: number, column: number, pixels: number): Request {
  return {
    updateDimensionProperties: {
      range: { sheetId, dimension: 'COLUMNS', startIndex: column, endIndex: column + 1 },
      properties: { pixelSize: pixels },
      fields: 'pixelSize',
    },
  };
}

export function formatRange(range: GridRange, format: sheets_v4.Schema$CellFormat, fields: string): Request {
  return { repeatCell: { range, cell: { userEnteredFormat: format }, fields } };
}

export function freezeRows(sheetId: number, count: number): Request {
  return {
    updateSheetProperties: {
      properties: { sheetId, gridProperties: { frozenRowCount: count } },
      fields: 'gridProperties.frozenRowCount',
    },
  };
}

/** Runs of consecutive indices: [3,4,5,9] → [[3,6],[9,10]] (end exclusive). */
export function consecutiveRuns(indices: readonly number[]): [number, number][] {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const index of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === index) last[1] = index + 1;
    else runs.push([index, index + 1]);
  }
  return runs;
}

/** What a generated tab (Summary, Report) gets when it is created: a bold title in A1 and its column widths. */
export function titleAndWidths(sheetId: number, title: string, widths: readonly number[]): Request[] {
  return [
    writeCells(sheetId, 0, 0, [[textCell(title, BOLD)]], 'userEnteredValue,userEnteredFormat'),
    ...widths.map((width, column) => columnWidth(sheetId, column, width)),
  ];
}
