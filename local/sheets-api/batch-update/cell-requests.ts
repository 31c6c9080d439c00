import type { sheets_v4 } from '@googleapis/sheets';
import type { GridRect, Sheet } from '../../workbook';
import { cellFromData, writableCellData } from '../cell-data';
import { applyFieldMask, checkMaskAgainstShape, type FieldMask } from '../field-mask';
import { CELL_DATA_SHAPE } from '../request-shapes';
import { checkCanEdit, invalid, type RequestContext, rectOf, requireMask } from './request-context';

function cellMask(fields: string | null | undefined, kind: string): FieldMask {
  const mask = requireMask(fields);
  checkMaskAgainstShape(mask, CELL_DATA_SHAPE, `${kind}.fields`);
  return mask;
}

/** The field-mask update of one cell: listed fields set from `given`, listed-but-absent cleared. */
function writeCell(
  sheet: Sheet,
  row: number,
  column: number,
  given: sheets_v4.Schema$CellData,
  mask: FieldMask,
  at: string,
): void {
  const next = applyFieldMask(writableCellData(sheet.getCell(row, column)), given, mask);
  sheet.setCell(row, column, cellFromData(next, at));
}

function writeRows(
  sheet: Sheet,
  rect: GridRect,
  rows: sheets_v4.Schema$RowData[],
  mask: FieldMask,
  kind: string,
): void {
  for (let row = rect.startRow; row < rect.endRow; row++) {
    const values = rows[row - rect.startRow]?.values ?? [];
    for (let column = rect.startColumn; column < rect.endColumn; column++) {
      const given = values[column - rect.startColumn] ?? {};
      writeCell(
        sheet,
        row,
        column,
        given,
        mask,
        `${kind}.rows[${row - rect.startRow}].values[${column - rect.startColumn}]`,
      );
    }
  }
}

const widthOf = (rows: sheets_v4.Schema$RowData[]): number =>
  Math.max(0, ...rows.map((row) => row.values?.length ?? 0));

export function updateCells(request: sheets_v4.Schema$UpdateCellsRequest, context: RequestContext): object {
  const mask = cellMask(request.fields, 'updateCells');
  const rows = request.rows ?? [];
  if ((request.start == null) === (request.range == null)) {
    throw invalid('Exactly one of start or range must be set.');
  }
  let sheet: Sheet;
  let rect: GridRect;
  if (request.start != null) {
    sheet = context.spreadsheet.sheetById(request.start.sheetId ?? 0);
    const startRow = request.start.rowIndex ?? 0;
    const startColumn = request.start.columnIndex ?? 0;
    // With start, only the cells the rows give are written.
    rect = {
      sheetId: sheet.sheetId,
      startRow,
      endRow: startRow + rows.length,
      startColumn,
      endColumn: startColumn + widthOf(rows),
    };
    sheet.checkRect(rect);
    checkCanEdit(context, rect);
    rows.forEach((row, r) => {
      (row.values ?? []).forEach((given, c) => {
        writeCell(sheet, startRow + r, startColumn + c, given, mask, `updateCells.rows[${r}].values[${c}]`);
      });
    });
    return {};
  }
  ({ sheet, rect } = rectOf(context.spreadsheet, request.range));
  if (rows.length > rect.endRow - rect.startRow || widthOf(rows) > rect.endColumn - rect.startColumn) {
    throw invalid('The rows given are larger than the range.');
  }
  checkCanEdit(context, rect);
  // With range, cells of the range the rows do not cover are cleared for the masked fields.
  writeRows(sheet, rect, rows, mask, 'updateCells');
  return {};
}

export function repeatCell(request: sheets_v4.Schema$RepeatCellRequest, context: RequestContext): object {
  const mask = cellMask(request.fields, 'repeatCell');
  const { sheet, rect } = rectOf(context.spreadsheet, request.range);
  checkCanEdit(context, rect);
  const given = request.cell ?? {};
  for (let row = rect.startRow; row < rect.endRow; row++) {
    for (let column = rect.startColumn; column < rect.endColumn; column++) {
      writeCell(sheet, row, column, given, mask, 'repeatCell.cell');
    }
  }
  return {};
}

export function appendCells(request: sheets_v4.Schema$AppendCellsRequest, context: RequestContext): object {
  const mask = cellMask(request.fields, 'appendCells');
  const sheet = context.spreadsheet.sheetById(request.sheetId ?? 0);
  const rows = request.rows ?? [];
  const startRow = sheet.lastRowWithData() + 1;
  const missing = startRow + rows.length - sheet.rowCount;
  // Google grows the sheet to fit appended rows.
  if (missing > 0) sheet.appendDimension('ROWS', missing);
  const rect = {
    sheetId: sheet.sheetId,
    startRow,
    endRow: startRow + rows.length,
    startColumn: 0,
    endColumn: widthOf(rows),
  };
  sheet.checkRect(rect);
  checkCanEdit(context, rect);
  writeRows(sheet, rect, rows, mask, 'appendCells');
  return {};
}

/**
 * The dropdown conditions as Google documents them (ConditionType,
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#ConditionType):
 * ONE_OF_LIST takes one value per item and no formulas; ONE_OF_RANGE requires a single value, a range
 * in A1 notation. Other condition types are stored as given, unchecked.
 */
function checkListCondition(condition: sheets_v4.Schema$BooleanCondition): void {
  const values = condition.values ?? [];
  if (condition.type === 'ONE_OF_LIST') {
    if (values.length === 0) throw invalid('ONE_OF_LIST condition requires at least one value.');
    if (values.some((value) => (value.userEnteredValue ?? '').startsWith('='))) {
      throw invalid('ONE_OF_LIST condition values cannot be formulas.');
    }
  }
  if (condition.type === 'ONE_OF_RANGE') {
    const range = values[0]?.userEnteredValue ?? '';
    if (values.length !== 1 || range.replace(/^=/, '').trim() === '') {
      throw invalid(
        `ONE_OF_RANGE condition requires a single value, a range in A1 notation; found ${values.length} value(s).`,
      );
    }
  }
}

export function setDataValidation(
  request: sheets_v4.Schema$SetDataValidationRequest,
  context: RequestContext,
): object {
  const { sheet, rect } = rectOf(context.spreadsheet, request.range);
  checkCanEdit(context, rect);
  if (request.rule != null && request.rule.condition?.type == null) {
    throw invalid('A data validation rule needs condition.type.');
  }
  if (request.rule?.condition != null) checkListCondition(request.rule.condition);
  for (let row = rect.startRow; row < rect.endRow; row++) {
    for (let column = rect.startColumn; column < rect.endColumn; column++) {
      sheet.updateCell(row, column, (cell) => ({ ...cell, dataValidation: request.rule ?? undefined }));
    }
  }
  return {};
}

export function sortRange(request: sheets_v4.Schema$SortRangeRequest, context: RequestContext): object {
  const { sheet, rect } = rectOf(context.spreadsheet, request.range);
  checkCanEdit(context, rect);
  const specs = (request.sortSpecs ?? []).map((spec, index) => {
    if (spec.dimensionIndex == null) throw invalid(`sortSpecs[${index}].dimensionIndex is required.`);
    const order = spec.sortOrder ?? 'ASCENDING';
    if (order !== 'ASCENDING' && order !== 'DESCENDING') {
      throw invalid(`sortSpecs[${index}].sortOrder must be ASCENDING or DESCENDING, found ${order}.`);
    }
    return { column: spec.dimensionIndex, ascending: order === 'ASCENDING' };
  });
  sheet.sortRows(rect, specs);
  return {};
}
