import type { sheets_v4 } from '@googleapis/sheets';
import { applyFieldMask, checkMaskAgainstShape } from '../field-mask';
import { SHEET_PROPERTIES_SHAPE, SPREADSHEET_PROPERTIES_SHAPE } from '../request-shapes';
import { sheetPropertiesOf } from '../spreadsheet-resource';
import { invalid, type RequestContext, requireMask } from './request-context';

export function addSheet(request: sheets_v4.Schema$AddSheetRequest, { spreadsheet }: RequestContext): object {
  const properties = request.properties ?? {};
  if (properties.sheetType != null && properties.sheetType !== 'GRID') {
    throw invalid(
      `sheetType ${properties.sheetType} is not implemented by the local Sheets API (GRID only).`,
    );
  }
  const grid = properties.gridProperties ?? {};
  const sheet = spreadsheet.addSheet({
    ...(properties.sheetId != null ? { sheetId: properties.sheetId } : {}),
    ...(properties.title != null ? { title: properties.title } : {}),
    ...(properties.index != null ? { index: properties.index } : {}),
    ...(grid.rowCount != null ? { rowCount: grid.rowCount } : {}),
    ...(grid.columnCount != null ? { columnCount: grid.columnCount } : {}),
    ...(grid.frozenRowCount != null ? { frozenRowCount: grid.frozenRowCount } : {}),
    ...(grid.frozenColumnCount != null ? { frozenColumnCount: grid.frozenColumnCount } : {}),
    ...(properties.hidden ? { hidden: true } : {}),
  });
  if (properties.tabColorStyle != null)
    sheet.data.properties.tabColorStyle = structuredClone(properties.tabColorStyle);
  return { properties: sheetPropertiesOf(sheet.data) };
}

export function deleteSheet(
  request: sheets_v4.Schema$DeleteSheetRequest,
  { spreadsheet }: RequestContext,
): object {
  spreadsheet.deleteSheet(request.sheetId ?? 0);
  return {};
}

export function updateSheetProperties(
  request: sheets_v4.Schema$UpdateSheetPropertiesRequest,
  { spreadsheet }: RequestContext,
): object {
  const mask = requireMask(request.fields);
  checkMaskAgainstShape(mask, SHEET_PROPERTIES_SHAPE, 'updateSheetProperties.fields');
  const given = request.properties ?? {};
  const sheet = spreadsheet.sheetById(given.sheetId ?? 0);
  const current = sheetPropertiesOf(sheet.data);
  const next = applyFieldMask(current, given, mask);
  if (next.sheetId !== current.sheetId) throw invalid('The sheetId of a sheet cannot be changed.');
  if ((next.sheetType ?? 'GRID') !== 'GRID')
    throw invalid('Only GRID sheets are implemented by the local Sheets API.');
  if (next.title !== current.title) {
    if (next.title == null) throw invalid('The sheet name cannot be empty.');
    spreadsheet.renameSheet(sheet.sheetId, next.title);
  }
  const grid = next.gridProperties ?? {};
  if (grid.rowCount == null || grid.columnCount == null) {
    throw invalid('gridProperties.rowCount and columnCount cannot be cleared.');
  }
  sheet.resize(grid.rowCount, grid.columnCount);
  spreadsheet.setFrozen(sheet.sheetId, grid.frozenRowCount ?? 0, grid.frozenColumnCount ?? 0);
  if (next.hidden) sheet.data.properties.hidden = true;
  else delete sheet.data.properties.hidden;
  if (next.tabColorStyle != null) sheet.data.properties.tabColorStyle = structuredClone(next.tabColorStyle);
  else delete sheet.data.properties.tabColorStyle;
  if (next.index !== current.index) spreadsheet.moveSheet(sheet.sheetId, next.index ?? 0);
  return {};
}

export function updateSpreadsheetProperties(
  request: sheets_v4.Schema$UpdateSpreadsheetPropertiesRequest,
  { spreadsheet }: RequestContext,
): object {
  const mask = requireMask(request.fields);
  checkMaskAgainstShape(mask, SPREADSHEET_PROPERTIES_SHAPE, 'updateSpreadsheetProperties.fields');
  const next = applyFieldMask({ ...spreadsheet.data.properties }, request.properties ?? {}, mask) as Partial<
    typeof spreadsheet.data.properties
  >;
  if (!next.title) throw invalid('The spreadsheet title cannot be empty.');
  spreadsheet.data.properties = {
    title: next.title,
    locale: next.locale ?? 'en_US',
    timeZone: next.timeZone ?? 'Etc/GMT',
  };
  return {};
}
