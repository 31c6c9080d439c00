import type { sheets_v4 } from '@googleapis/sheets';
import { applyFieldMask, checkMaskAgainstShape } from '../field-mask';
import { DIMENSION_PROPERTIES_SHAPE } from '../request-shapes';
import {
  dimensionOf,
  invalid,
  type RequestContext,
  requireMask,
  requireNumber,
  spanOf,
} from './request-context';

export function insertDimension(
  request: sheets_v4.Schema$InsertDimensionRequest,
  { spreadsheet }: RequestContext,
): object {
  const range = request.range;
  if (range?.startIndex == null || range.endIndex == null)
    throw invalid('range.startIndex and range.endIndex are required.');
  const sheet = spreadsheet.sheetById(range.sheetId ?? 0);
  const dimension = dimensionOf(range.dimension, 'range.dimension');
  sheet.insertDimension(
    dimension,
    range.startIndex,
    range.endIndex - range.startIndex,
    request.inheritFromBefore ?? false,
  );
  return {};
}

export function deleteDimension(
  request: sheets_v4.Schema$DeleteDimensionRequest,
  { spreadsheet }: RequestContext,
): object {
  const { sheet, dimension, start, end } = spanOf(spreadsheet, request.range);
  sheet.deleteDimension(dimension, start, end);
  return {};
}

export function appendDimension(
  request: sheets_v4.Schema$AppendDimensionRequest,
  { spreadsheet }: RequestContext,
): object {
  const sheet = spreadsheet.sheetById(request.sheetId ?? 0);
  sheet.appendDimension(dimensionOf(request.dimension, 'dimension'), requireNumber(request.length, 'length'));
  return {};
}

export function moveDimension(
  request: sheets_v4.Schema$MoveDimensionRequest,
  { spreadsheet }: RequestContext,
): object {
  const { sheet, dimension, start, end } = spanOf(spreadsheet, request.source);
  sheet.moveDimension(dimension, start, end, requireNumber(request.destinationIndex, 'destinationIndex'));
  return {};
}

export function updateDimensionProperties(
  request: sheets_v4.Schema$UpdateDimensionPropertiesRequest,
  { spreadsheet }: RequestContext,
): object {
  const mask = requireMask(request.fields);
  checkMaskAgainstShape(mask, DIMENSION_PROPERTIES_SHAPE, 'updateDimensionProperties.fields');
  const { sheet, dimension, start, end } = spanOf(spreadsheet, request.range);
  const given = request.properties ?? {};
  if (given.pixelSize != null && (!Number.isInteger(given.pixelSize) || given.pixelSize < 0)) {
    throw invalid(`properties.pixelSize must be a non-negative integer, found ${given.pixelSize}.`);
  }
  for (let index = start; index < end; index++) {
    const entry = sheet.dimensionEntry(dimension, index);
    const current: sheets_v4.Schema$DimensionProperties = {};
    if (entry.pixelSize !== undefined) current.pixelSize = entry.pixelSize;
    if (entry.hiddenByUser) current.hiddenByUser = true;
    const next = applyFieldMask(current, given, mask);
    sheet.setDimensionSize(dimension, index, index + 1, next.pixelSize ?? undefined);
    sheet.setDimensionHidden(dimension, index, index + 1, next.hiddenByUser ?? undefined);
  }
  return {};
}

/** No text measuring here: the range is validated and nothing changes. */
export function autoResizeDimensions(
  request: sheets_v4.Schema$AutoResizeDimensionsRequest,
  { spreadsheet }: RequestContext,
): object {
  spanOf(spreadsheet, request.dimensions);
  return {};
}
