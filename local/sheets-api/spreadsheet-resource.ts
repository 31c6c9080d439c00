import type { sheets_v4 } from '@googleapis/sheets';
import {
  type GridRect,
  metadataVisibleTo,
  type ProtectedRangeData,
  type Sheet,
  type SheetData,
  type Spreadsheet,
  type StoredMetadata,
  toApiMetadata,
} from '../workbook';
import { readableCellData } from './cell-data';
import { projectOfCaller } from './local-access-token';

const DEFAULT_ROW_PIXELS = 21;
const DEFAULT_COLUMN_PIXELS = 100;

/** Google omits zero frozen counts and false flags; so does this. */
export function sheetPropertiesOf(data: SheetData): sheets_v4.Schema$SheetProperties {
  const { sheetId, title, index, gridProperties, hidden, tabColorStyle } = data.properties;
  const grid: sheets_v4.Schema$GridProperties = {
    rowCount: gridProperties.rowCount,
    columnCount: gridProperties.columnCount,
  };
  if (gridProperties.frozenRowCount > 0) grid.frozenRowCount = gridProperties.frozenRowCount;
  if (gridProperties.frozenColumnCount > 0) grid.frozenColumnCount = gridProperties.frozenColumnCount;
  const properties: sheets_v4.Schema$SheetProperties = {
    sheetId,
    title,
    index,
    sheetType: 'GRID',
    gridProperties: grid,
  };
  if (hidden) properties.hidden = true;
  if (tabColorStyle !== undefined) properties.tabColorStyle = structuredClone(tabColorStyle);
  return properties;
}

export function protectedRangeOf(
  data: ProtectedRangeData,
  caller: string,
  owner: string,
): sheets_v4.Schema$ProtectedRange {
  const range: sheets_v4.Schema$ProtectedRange = {
    protectedRangeId: data.protectedRangeId,
    range: structuredClone(data.range),
  };
  if (data.description !== undefined) range.description = data.description;
  if (data.warningOnly) range.warningOnly = true;
  range.requestingUserCanEdit = caller === owner || data.warningOnly || data.editors.users.includes(caller);
  // As on Google, only someone who may edit the range sees its editors.
  if (range.requestingUserCanEdit) range.editors = { users: [...data.editors.users] };
  if (data.unprotectedRanges !== undefined) range.unprotectedRanges = structuredClone(data.unprotectedRanges);
  return range;
}

/** GridData for a rectangle, trimmed of trailing empty rows and cells as Google trims it. */
/** `visible` says which developer metadata the caller may see (PROJECT metadata of other projects: not). */
export function gridDataOf(
  sheet: Sheet,
  rect: GridRect,
  visible: (metadata: StoredMetadata) => boolean,
): sheets_v4.Schema$GridData {
  const rowData: sheets_v4.Schema$RowData[] = [];
  for (let row = rect.startRow; row < rect.endRow; row++) {
    const cells = sheet.data.rows[row]?.cells ?? [];
    const values: sheets_v4.Schema$CellData[] = [];
    for (let column = rect.startColumn; column < Math.min(rect.endColumn, cells.length); column++) {
      values.push(readableCellData(cells[column] ?? {}));
    }
    while (values.length > 0 && Object.keys(values[values.length - 1] ?? {}).length === 0) values.pop();
    rowData.push(values.length > 0 ? { values } : {});
  }
  while (rowData.length > 0 && Object.keys(rowData[rowData.length - 1] ?? {}).length === 0) rowData.pop();
  const dimensionMetadata = (dimension: 'ROWS' | 'COLUMNS', from: number, to: number) => {
    const entries = dimension === 'ROWS' ? sheet.data.rows : sheet.data.columns;
    const located = sheet.dimensionMetadata().filter((found) => found.dimension === dimension);
    const list: sheets_v4.Schema$DimensionProperties[] = [];
    for (let index = from; index < to; index++) {
      const entry = entries[index];
      const properties: sheets_v4.Schema$DimensionProperties = {
        pixelSize: entry?.pixelSize ?? (dimension === 'ROWS' ? DEFAULT_ROW_PIXELS : DEFAULT_COLUMN_PIXELS),
      };
      if (entry?.hiddenByUser) properties.hiddenByUser = true;
      const here = (entry?.metadata ?? []).filter(visible).map((metadata) => {
        const span = located.find((found) => found.metadata.metadataId === metadata.metadataId);
        return toApiMetadata({
          ...metadata,
          location: {
            kind: 'dimension',
            sheetId: sheet.sheetId,
            dimension,
            startIndex: span?.startIndex ?? index,
            endIndex: span?.endIndex ?? index + 1,
          },
        });
      });
      if (here.length > 0) properties.developerMetadata = here;
      list.push(properties);
    }
    return list;
  };
  const data: sheets_v4.Schema$GridData = {};
  if (rect.startRow > 0) data.startRow = rect.startRow;
  if (rect.startColumn > 0) data.startColumn = rect.startColumn;
  if (rowData.length > 0) data.rowData = rowData;
  data.rowMetadata = dimensionMetadata('ROWS', rect.startRow, rect.endRow);
  data.columnMetadata = dimensionMetadata('COLUMNS', rect.startColumn, rect.endColumn);
  return data;
}

export interface ResourceOptions {
  caller: string;
  /** Rectangles per sheet to include as grid data; undefined = no grid data. */
  gridData?: Map<number, GridRect[]>;
  /** With ranges, Google answers only the sheets those ranges touch. */
  onlySheets?: Set<number>;
}

export function spreadsheetResourceOf(
  spreadsheet: Spreadsheet,
  options: ResourceOptions,
): sheets_v4.Schema$Spreadsheet {
  const data = spreadsheet.data;
  const project = projectOfCaller(options.caller);
  const visible = (metadata: StoredMetadata) => metadataVisibleTo(metadata, project);
  const sheets = spreadsheet
    .sheets()
    .filter((sheet) => options.onlySheets === undefined || options.onlySheets.has(sheet.sheetId))
    .map((sheet) => {
      const resource: sheets_v4.Schema$Sheet = { properties: sheetPropertiesOf(sheet.data) };
      const rects = options.gridData?.get(sheet.sheetId);
      if (rects !== undefined) resource.data = rects.map((rect) => gridDataOf(sheet, rect, visible));
      if (sheet.data.protectedRanges.length > 0) {
        resource.protectedRanges = sheet.data.protectedRanges.map((range) =>
          protectedRangeOf(range, options.caller, data.owner),
        );
      }
      const sheetMetadata = sheet.data.metadata.filter(visible);
      if (sheetMetadata.length > 0) {
        resource.developerMetadata = sheetMetadata.map((metadata) =>
          toApiMetadata({ ...metadata, location: { kind: 'sheet', sheetId: sheet.sheetId } }),
        );
      }
      return resource;
    });
  const resource: sheets_v4.Schema$Spreadsheet = {
    spreadsheetId: data.spreadsheetId,
    properties: { ...data.properties, autoRecalc: 'ON_CHANGE' },
    sheets,
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${data.spreadsheetId}/edit`,
  };
  const spreadsheetMetadata = data.metadata.filter(visible);
  if (spreadsheetMetadata.length > 0) {
    resource.developerMetadata = spreadsheetMetadata.map((metadata) =>
      toApiMetadata({ ...metadata, location: { kind: 'spreadsheet' } }),
    );
  }
  return resource;
}
