import { type GridRange, gridRangeCovers } from './grid-range';

export interface ProtectedRangeData {
  protectedRangeId: number;
  /** Only sheetId set: the whole sheet. */
  range: GridRange;
  description?: string;
  /** Google shows a warning but lets anyone edit. */
  warningOnly: boolean;
  editors: { users: string[] };
  unprotectedRanges?: GridRange[];
}

/** Whether this range stops `email` editing the cell (the owner is checked by the caller). */
export function protectionBlocks(
  protection: ProtectedRangeData,
  email: string,
  sheetId: number,
  row: number,
  column: number,
): boolean {
  if (protection.warningOnly) return false;
  if (!gridRangeCovers(protection.range, sheetId, row, column)) return false;
  if ((protection.unprotectedRanges ?? []).some((range) => gridRangeCovers(range, sheetId, row, column))) {
    return false;
  }
  return !protection.editors.users.includes(email.toLowerCase());
}

/** A range naming only its sheet protects the whole sheet ("sheet protection" in Google's UI). */
export const isWholeSheetRange = (range: GridRange): boolean =>
  range.startRowIndex == null &&
  range.endRowIndex == null &&
  range.startColumnIndex == null &&
  range.endColumnIndex == null;
