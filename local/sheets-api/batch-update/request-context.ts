import type { sheets_v4 } from '@googleapis/sheets';
import {
  boundsOfGridRange,
  type Dimension,
  type GridRect,
  type MetadataAnchor,
  protectionBlocks,
  type Sheet,
  type Spreadsheet,
  WorkbookError,
} from '../../workbook';
import { type FieldMask, parseFieldMask } from '../field-mask';

/** What one request of a batch works on: a copy of the spreadsheet, swapped in only if all succeed. */
export interface RequestContext {
  spreadsheet: Spreadsheet;
  caller: string;
}

export type RequestHandler = (request: never, context: RequestContext) => object;

/** Problems inside a request are WorkbookErrors; the batch prefixes "Invalid requests[i].kind: ". */
export const invalid = (message: string): WorkbookError => new WorkbookError(message);

export function requireMask(fields: string | null | undefined): FieldMask {
  const mask = parseFieldMask(fields);
  if (mask === undefined) throw invalid('At least one field must be specified.');
  return mask;
}

export function requireNumber(value: number | null | undefined, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalid(`${name} must be an integer, found ${JSON.stringify(value ?? null)}.`);
  }
  return value;
}

export function dimensionOf(value: string | null | undefined, name: string): Dimension {
  if (value !== 'ROWS' && value !== 'COLUMNS') {
    throw invalid(`${name} must be ROWS or COLUMNS, found ${JSON.stringify(value ?? null)}.`);
  }
  return value;
}

/** A GridRange made concrete: missing bounds are the sheet's edges. Checked against the grid. */
export function rectOf(
  spreadsheet: Spreadsheet,
  range: sheets_v4.Schema$GridRange | null | undefined,
): { sheet: Sheet; rect: GridRect } {
  if (range === undefined || range === null) throw invalid('A range is required.');
  const sheet = spreadsheet.sheetById(range.sheetId ?? 0);
  const rect = sheet.rectWithin(boundsOfGridRange(range));
  sheet.checkRect(rect);
  return { sheet, rect };
}

export interface DimensionSpan {
  sheet: Sheet;
  dimension: Dimension;
  start: number;
  end: number;
}

export function spanOf(
  spreadsheet: Spreadsheet,
  range: sheets_v4.Schema$DimensionRange | null | undefined,
): DimensionSpan {
  if (range === undefined || range === null) throw invalid('A dimension range is required.');
  const sheet = spreadsheet.sheetById(range.sheetId ?? 0);
  const dimension = dimensionOf(range.dimension, 'range.dimension');
  const start = range.startIndex ?? 0;
  const end = range.endIndex ?? (dimension === 'ROWS' ? sheet.rowCount : sheet.columnCount);
  sheet.checkDimensionSpan(dimension, start, end);
  return { sheet, dimension, start, end };
}

export function anchorOf(
  spreadsheet: Spreadsheet,
  location: sheets_v4.Schema$DeveloperMetadataLocation | null | undefined,
): MetadataAnchor {
  if (location === undefined || location === null) throw invalid('Developer metadata needs a location.');
  const given = [
    location.spreadsheet ? 'spreadsheet' : undefined,
    location.sheetId != null ? 'sheetId' : undefined,
    location.dimensionRange != null ? 'dimensionRange' : undefined,
  ].filter(Boolean);
  if (given.length !== 1) {
    throw invalid(
      `A metadata location needs exactly one of spreadsheet, sheetId, dimensionRange; found ${given.length === 0 ? 'none' : given.join(', ')}.`,
    );
  }
  if (location.spreadsheet) return { kind: 'spreadsheet' };
  if (location.sheetId != null) {
    spreadsheet.sheetById(location.sheetId);
    return { kind: 'sheet', sheetId: location.sheetId };
  }
  // "The specified DimensionRange must represent a single row or column; it cannot be unbounded or
  // span multiple rows or columns." (DeveloperMetadataLocation.dimensionRange,
  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata#DeveloperMetadataLocation)
  const range = location.dimensionRange;
  if (range?.startIndex == null || range.endIndex == null || range.endIndex - range.startIndex !== 1) {
    throw invalid(
      `Developer metadata can only be associated with a single row or column: the dimensionRange must be bounded and span exactly one, found startIndex ${range?.startIndex ?? 'unset'}, endIndex ${range?.endIndex ?? 'unset'}.`,
    );
  }
  const { sheet, dimension, start, end } = spanOf(spreadsheet, range);
  return { kind: 'dimension', sheetId: sheet.sheetId, dimension, startIndex: start, endIndex: end };
}

/** Google's answer when a caller writes into cells protected against them. */
export function checkCanEdit(context: RequestContext, rect: GridRect): void {
  const { spreadsheet, caller } = context;
  if (caller === spreadsheet.owner) return;
  const sheet = spreadsheet.sheetById(rect.sheetId);
  const blocking = sheet.data.protectedRanges.filter(
    (protection) => !protection.warningOnly && !protection.editors.users.includes(caller),
  );
  if (blocking.length === 0) return;
  for (let row = rect.startRow; row < rect.endRow; row++) {
    for (let column = rect.startColumn; column < rect.endColumn; column++) {
      if (blocking.some((protection) => protectionBlocks(protection, caller, rect.sheetId, row, column))) {
        throw invalid(
          'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
        );
      }
    }
  }
}
