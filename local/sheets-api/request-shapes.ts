import { invalidArgument } from './sheets-api-error';

/**
 * The fields the local Sheets API implements, request kind by request kind: a narrower check after
 * the discovery document's (discovery/validate-against-discovery.ts), which refuses what Google does
 * not know. A field Google knows and this double does not build is refused here, so code cannot rely
 * on a field the double would silently ignore; the shapes also check field masks (field-mask.ts).
 * `true` is a scalar (or a value taken whole); `[shape]` is a list.
 */
export type Shape = true | readonly [Shape] | { readonly [name: string]: Shape };

const COLOR = { red: true, green: true, blue: true, alpha: true } as const;
const COLOR_STYLE = { rgbColor: COLOR, themeColor: true } as const;
export const CELL_FORMAT_SHAPE = {
  backgroundColor: COLOR,
  backgroundColorStyle: COLOR_STYLE,
  numberFormat: { type: true, pattern: true },
  wrapStrategy: true,
  textFormat: {
    bold: true,
    italic: true,
    fontSize: true,
    foregroundColor: COLOR,
    foregroundColorStyle: COLOR_STYLE,
  },
  horizontalAlignment: true,
  verticalAlignment: true,
} as const;
const EXTENDED_VALUE = { stringValue: true, numberValue: true, boolValue: true, formulaValue: true } as const;
const DATA_VALIDATION_RULE = {
  condition: { type: true, values: [{ userEnteredValue: true, relativeDate: true }] },
  inputMessage: true,
  strict: true,
  showCustomUi: true,
} as const;
/** The writable part of CellData. */
export const CELL_DATA_SHAPE = {
  userEnteredValue: EXTENDED_VALUE,
  userEnteredFormat: CELL_FORMAT_SHAPE,
  note: true,
  dataValidation: DATA_VALIDATION_RULE,
} as const;
const ROW_DATA = { values: [CELL_DATA_SHAPE] } as const;
export const GRID_RANGE_SHAPE = {
  sheetId: true,
  startRowIndex: true,
  endRowIndex: true,
  startColumnIndex: true,
  endColumnIndex: true,
} as const;
const GRID_COORDINATE = { sheetId: true, rowIndex: true, columnIndex: true } as const;
export const DIMENSION_RANGE_SHAPE = {
  sheetId: true,
  dimension: true,
  startIndex: true,
  endIndex: true,
} as const;
export const SHEET_PROPERTIES_SHAPE = {
  sheetId: true,
  title: true,
  index: true,
  sheetType: true,
  hidden: true,
  tabColorStyle: COLOR_STYLE,
  gridProperties: { rowCount: true, columnCount: true, frozenRowCount: true, frozenColumnCount: true },
} as const;
export const SPREADSHEET_PROPERTIES_SHAPE = { title: true, locale: true, timeZone: true } as const;
const METADATA_LOCATION = {
  spreadsheet: true,
  sheetId: true,
  dimensionRange: DIMENSION_RANGE_SHAPE,
  locationType: true,
} as const;
export const DEVELOPER_METADATA_SHAPE = {
  metadataId: true,
  metadataKey: true,
  metadataValue: true,
  location: METADATA_LOCATION,
  visibility: true,
} as const;
export const DATA_FILTER_SHAPE = {
  developerMetadataLookup: {
    metadataId: true,
    metadataKey: true,
    metadataValue: true,
    locationType: true,
    metadataLocation: METADATA_LOCATION,
    locationMatchingStrategy: true,
    visibility: true,
  },
} as const;
export const PROTECTED_RANGE_SHAPE = {
  protectedRangeId: true,
  range: GRID_RANGE_SHAPE,
  description: true,
  warningOnly: true,
  requestingUserCanEdit: true,
  editors: { users: [true] },
  unprotectedRanges: [GRID_RANGE_SHAPE],
} as const;
export const DIMENSION_PROPERTIES_SHAPE = { pixelSize: true, hiddenByUser: true } as const;

export const REQUEST_SHAPES = {
  addSheet: { properties: SHEET_PROPERTIES_SHAPE },
  deleteSheet: { sheetId: true },
  updateSheetProperties: { properties: SHEET_PROPERTIES_SHAPE, fields: true },
  updateSpreadsheetProperties: { properties: SPREADSHEET_PROPERTIES_SHAPE, fields: true },
  updateCells: { rows: [ROW_DATA], fields: true, start: GRID_COORDINATE, range: GRID_RANGE_SHAPE },
  repeatCell: { range: GRID_RANGE_SHAPE, cell: CELL_DATA_SHAPE, fields: true },
  appendCells: { sheetId: true, rows: [ROW_DATA], fields: true },
  insertDimension: { range: DIMENSION_RANGE_SHAPE, inheritFromBefore: true },
  deleteDimension: { range: DIMENSION_RANGE_SHAPE },
  appendDimension: { sheetId: true, dimension: true, length: true },
  moveDimension: { source: DIMENSION_RANGE_SHAPE, destinationIndex: true },
  updateDimensionProperties: {
    range: DIMENSION_RANGE_SHAPE,
    properties: DIMENSION_PROPERTIES_SHAPE,
    fields: true,
  },
  sortRange: { range: GRID_RANGE_SHAPE, sortSpecs: [{ dimensionIndex: true, sortOrder: true }] },
  createDeveloperMetadata: { developerMetadata: DEVELOPER_METADATA_SHAPE },
  updateDeveloperMetadata: {
    dataFilters: [DATA_FILTER_SHAPE],
    developerMetadata: DEVELOPER_METADATA_SHAPE,
    fields: true,
  },
  deleteDeveloperMetadata: { dataFilter: DATA_FILTER_SHAPE },
  addProtectedRange: { protectedRange: PROTECTED_RANGE_SHAPE },
  updateProtectedRange: { protectedRange: PROTECTED_RANGE_SHAPE, fields: true },
  deleteProtectedRange: { protectedRangeId: true },
  autoResizeDimensions: { dimensions: DIMENSION_RANGE_SHAPE },
  setDataValidation: { range: GRID_RANGE_SHAPE, rule: DATA_VALIDATION_RULE },
} as const satisfies Record<string, Shape>;

export type RequestKind = keyof typeof REQUEST_SHAPES;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Google's wording for a field it does not know, widened to the ones this double does not implement. */
export function checkShape(value: unknown, shape: Shape, at: string): void {
  if (shape === true || value === null || value === undefined) return;
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) {
      throw invalidArgument(
        `Invalid JSON payload received. Expected a list at '${at}', found ${JSON.stringify(value)}.`,
      );
    }
    value.forEach((item, index) => {
      checkShape(item, shape[0] as Shape, `${at}[${index}]`);
    });
    return;
  }
  if (!isObject(value)) {
    throw invalidArgument(
      `Invalid JSON payload received. Expected an object at '${at}', found ${JSON.stringify(value)}.`,
    );
  }
  const fields = shape as Record<string, Shape>;
  for (const [name, inner] of Object.entries(value)) {
    // Own fields only: "constructor" must not find Object.prototype's.
    const innerShape = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (innerShape === undefined) {
      throw invalidArgument(
        `Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field (or it is not implemented by the local Sheets API; implemented here: ${Object.keys(fields).join(', ')}).`,
      );
    }
    checkShape(inner, innerShape, `${at}.${name}`);
  }
}
