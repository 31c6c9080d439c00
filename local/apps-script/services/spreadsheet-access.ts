import { formatA1, parseA1, type Sheet, type Spreadsheet, type WorkbookModel } from '../../workbook';
import type { Execution } from '../execution';
import type { RangeRef } from '../host-views';
import { gridRectOf, rangeRefOf } from '../range-ref';

const PROTECTED_CELL =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/**
 * How SpreadsheetApp reaches the workbook for an execution: only a spreadsheet its effective user may
 * edit, ranges checked against the sheet as Apps Script checks them, and writes refused on protected
 * cells. Shared by the Spreadsheet, developer metadata and protection operations.
 */
export class SpreadsheetAccess {
  constructor(readonly model: WorkbookModel) {}

  spreadsheetFor(execution: Execution): Spreadsheet {
    const spreadsheet = this.model.get(execution.spreadsheetId);
    if (!this.model.isSharedWith(execution.spreadsheetId, execution.effectiveUser)) {
      throw new Error(
        `You do not have permission to access the requested document (${execution.effectiveUser} is not an editor of it).`,
      );
    }
    return spreadsheet;
  }

  sheetFor(execution: Execution, sheetId: number): Sheet {
    const sheet = this.spreadsheetFor(execution).findSheetById(sheetId);
    if (sheet === undefined) throw new Error(`The sheet with id ${sheetId} no longer exists.`);
    return sheet;
  }

  activeSheetId(execution: Execution): number {
    const sheets = this.spreadsheetFor(execution).sheets();
    if (execution.activeSheetId !== undefined && sheets.some((s) => s.sheetId === execution.activeSheetId)) {
      return execution.activeSheetId;
    }
    const first = sheets[0];
    if (first === undefined) throw new Error('The spreadsheet has no sheet.');
    return first.sheetId;
  }

  /** A1 → a bounded rectangle, "A:A" reaching the last row, as SpreadsheetApp resolves it. */
  rangeFromA1(spreadsheet: Spreadsheet, a1: string, defaultSheetId: number): RangeRef {
    const parsed = parseA1(a1);
    let sheet: Sheet | undefined;
    if (parsed.sheetTitle !== undefined) {
      sheet = spreadsheet.findSheetByTitle(parsed.sheetTitle);
      if (sheet === undefined) throw new Error(`Range not found: ${a1}`);
    } else {
      sheet = spreadsheet.sheetById(defaultSheetId);
    }
    return this.checkedRange(sheet, rangeRefOf(sheet.sheetId, sheet.rectWithin(parsed)));
  }

  checkedRange(sheet: Sheet, range: RangeRef): RangeRef {
    if (range.row < 1 || range.column < 1) {
      throw new Error(
        `The starting row and column of the range must be at least 1 (got row ${range.row}, column ${range.column}).`,
      );
    }
    if (range.numRows < 1 || range.numColumns < 1) {
      throw new Error(
        `The number of rows and columns in the range must be at least 1 (got ${range.numRows} × ${range.numColumns}).`,
      );
    }
    if (
      range.row + range.numRows - 1 > sheet.rowCount ||
      range.column + range.numColumns - 1 > sheet.columnCount
    ) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return range;
  }

  a1Of(spreadsheet: Spreadsheet, range: RangeRef): string {
    return formatA1(spreadsheet.sheetById(range.sheetId).title, gridRectOf(range));
  }

  /** Scripts edit as their effective user: a protected cell refuses them as it refuses the UI. */
  requireEditable(execution: Execution, range: RangeRef): void {
    this.requireEditableBy(execution.spreadsheetId, execution.effectiveUser, range);
  }

  requireEditableBy(spreadsheetId: string, email: string, range: RangeRef): void {
    const rect = gridRectOf(range);
    for (let row = rect.startRow; row < rect.endRow; row++) {
      for (let column = rect.startColumn; column < rect.endColumn; column++) {
        if (!this.model.canEdit(spreadsheetId, email, range.sheetId, row, column))
          throw new Error(PROTECTED_CELL);
      }
    }
  }

  /** Reads each cell of the range, in rows. */
  grid<T>(range: RangeRef, read: (row: number, column: number) => T): T[][] {
    const rect = gridRectOf(range);
    const rows: T[][] = [];
    for (let row = rect.startRow; row < rect.endRow; row++) {
      const line: T[] = [];
      for (let column = rect.startColumn; column < rect.endColumn; column++) line.push(read(row, column));
      rows.push(line);
    }
    return rows;
  }

  /** Writes a grid of the range's exact shape, refused as a whole when one cell is protected. */
  writeCells(
    execution: Execution,
    range: RangeRef,
    values: unknown,
    write: (sheet: Sheet, row: number, column: number, value: unknown) => void,
  ): void {
    const grid = checkShape(range, values);
    this.requireEditable(execution, range);
    const sheet = this.sheetFor(execution, range.sheetId);
    const rect = gridRectOf(range);
    grid.forEach((line, r) => {
      line.forEach((value, c) => {
        write(sheet, rect.startRow + r, rect.startColumn + c, value);
      });
    });
    this.model.changed();
  }
}

function checkShape(range: RangeRef, values: unknown): unknown[][] {
  if (!Array.isArray(values) || values.some((line) => !Array.isArray(line))) {
    throw new Error(
      "The parameters (String) don't match the method signature: expected a two-dimensional array.",
    );
  }
  const grid = values as unknown[][];
  if (grid.length !== range.numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${range.numRows}.`,
    );
  }
  for (const line of grid) {
    if (line.length !== range.numColumns) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${range.numColumns}.`,
      );
    }
  }
  return grid;
}
