import type { Cell } from './cell';
import { WorkbookError } from './workbook-error';

/** Google's limits on one tab, refused with Google's wording. */
export const DEFAULT_ROW_COUNT = 1000;
export const DEFAULT_COLUMN_COUNT = 26;

/** Google Sheets refuses a cell holding more text than this, through the UI, scripts and the API. */
export const MAX_CELL_CHARACTERS = 50_000;

/** Google's refusal of a cell text over MAX_CELL_CHARACTERS. */
export function checkCellTextLength(value: Cell['userEnteredValue']): void {
  const text =
    value === undefined
      ? undefined
      : 'stringValue' in value
        ? value.stringValue
        : 'formulaValue' in value
          ? value.formulaValue
          : undefined;
  if (text !== undefined && text.length > MAX_CELL_CHARACTERS) {
    throw new WorkbookError(
      `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`,
    );
  }
}

/**
 * "Up to 10 million cells or 18,278 columns (column ZZZ)" (https://support.google.com/drive/answer/37603).
 * Google's wording for the column limit is not documented: this one names it.
 */
export const MAX_COLUMNS_PER_SHEET = 18_278;

export function checkColumnCount(columnCount: number): void {
  if (columnCount > MAX_COLUMNS_PER_SHEET) {
    throw new WorkbookError(
      `This action would increase the number of columns in the sheet to ${columnCount}, above the limit of ${MAX_COLUMNS_PER_SHEET} columns (column ZZZ).`,
    );
  }
}
