import type { GridRange } from './grid-range';
import { isWholeSheetRange, protectionBlocks } from './protected-range';
import type { Sheet } from './sheet';
import type { SpreadsheetData } from './workbook-data';
import { WorkbookError } from './workbook-error';

/**
 * The rules Google documents for ProtectedRange
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange):
 * "Unprotected ranges are only supported on protected sheets", so they need a whole-sheet
 * protection and lie in that sheet; and a sheet is protected as a whole at most once (the UI
 * offers to change the existing sheet protection; the API's answer is not documented, so the
 * stricter reading: refused).
 */
export function checkProtectionRules(
  target: Sheet,
  range: GridRange,
  unprotectedRanges: GridRange[] | undefined,
  exceptId?: number,
): void {
  const wholeSheet = isWholeSheetRange(range);
  if (wholeSheet) {
    const existing = target.data.protectedRanges.find(
      (other) => other.protectedRangeId !== exceptId && isWholeSheetRange(other.range),
    );
    if (existing !== undefined) {
      throw new WorkbookError(
        `Sheet "${target.title}" already has sheet protection (protectedRangeId ${existing.protectedRangeId}): a sheet is protected as a whole at most once.`,
      );
    }
  }
  if ((unprotectedRanges ?? []).length === 0) return;
  if (!wholeSheet) {
    throw new WorkbookError(
      'Unprotected ranges are only supported on protected sheets: unprotectedRanges needs a protectedRange whose range is a whole sheet (only sheetId set).',
    );
  }
  for (const inner of unprotectedRanges ?? []) {
    if ((inner.sheetId ?? 0) !== target.sheetId) {
      throw new WorkbookError(
        `An unprotected range must lie in the protected sheet ${target.sheetId}, not in sheet ${inner.sheetId ?? 0}.`,
      );
    }
  }
}

/** The owner always may; anyone else must be an editor of every protected range over the cell. */
export function canEditCell(
  data: SpreadsheetData,
  email: string,
  sheetId: number,
  row: number,
  column: number,
): boolean {
  const who = email.toLowerCase();
  if (who === data.owner) return true;
  if (!data.sharedWith.includes(who)) return false;
  const sheet = data.sheets.find((candidate) => candidate.properties.sheetId === sheetId);
  if (sheet === undefined) return false;
  return !sheet.protectedRanges.some((protection) => protectionBlocks(protection, who, sheetId, row, column));
}
