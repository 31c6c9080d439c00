import type { sheets_v4 } from '@googleapis/sheets';
import { formatWithPattern } from './number-format';

/** What a person typed: exactly one of the four kinds, like the API's ExtendedValue. */
export type UserEnteredValue =
  | { stringValue: string }
  | { numberValue: number }
  | { boolValue: boolean }
  | { formulaValue: string };

/** The subset of CellFormat the local stack implements (see CELL_FORMAT_FIELDS in the API). */
export type CellFormat = Pick<
  sheets_v4.Schema$CellFormat,
  | 'backgroundColor'
  | 'backgroundColorStyle'
  | 'numberFormat'
  | 'wrapStrategy'
  | 'textFormat'
  | 'horizontalAlignment'
  | 'verticalAlignment'
>;

/** One stored cell; `{}` is an empty cell. Plain JSON so that a workbook can be cloned and saved. */
export interface Cell {
  userEnteredValue?: UserEnteredValue;
  userEnteredFormat?: CellFormat;
  note?: string;
  dataValidation?: sheets_v4.Schema$DataValidationRule;
}

export const isEmptyCell = (cell: Cell | undefined): boolean =>
  cell === undefined ||
  (cell.userEnteredValue === undefined &&
    cell.userEnteredFormat === undefined &&
    cell.note === undefined &&
    cell.dataValidation === undefined);

/**
 * The value a reader sees. Literals are their own effective value; a formula has NONE here: the
 * local stack stores formulas and never evaluates them, so nothing may rely on a computed result.
 */
export function effectiveValueOf(cell: Cell | undefined): sheets_v4.Schema$ExtendedValue | undefined {
  const value = cell?.userEnteredValue;
  if (value === undefined || 'formulaValue' in value) return undefined;
  return { ...value };
}

/** Numbers follow the cell's number format where it is one of the simple patterns; else plainly. */
export function formattedValueOf(cell: Cell | undefined): string | undefined {
  const value = effectiveValueOf(cell);
  if (value === undefined) return undefined;
  if (value.stringValue !== undefined && value.stringValue !== null) return value.stringValue;
  if (value.numberValue !== undefined && value.numberValue !== null) {
    return (
      formatWithPattern(value.numberValue, cell?.userEnteredFormat?.numberFormat) ?? String(value.numberValue)
    );
  }
  if (value.boolValue !== undefined && value.boolValue !== null) return value.boolValue ? 'TRUE' : 'FALSE';
  return undefined;
}
