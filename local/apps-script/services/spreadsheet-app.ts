import { backgroundOf, withBackground } from '../colours';
import type { Execution } from '../execution';
import type { RangeRef, ToastRecord } from '../host-views';
import { gridRectOf } from '../range-ref';
import { displayValueFrom, scriptValueAt, scriptValueOf } from '../typed-input';
import type { SpreadsheetAccess } from './spreadsheet-access';

/** What SpreadsheetApp shows a person besides cells, as the host records it for tests. */
export interface SpreadsheetRecords {
  toasts: ToastRecord[];
  selections: { user: string; a1: string }[];
}

/** The host's side of Spreadsheet, Sheet and Range: each operation is one call to the Sheets service. */
export function spreadsheetOperations(access: SpreadsheetAccess, records: SpreadsheetRecords) {
  return {
    'ss.info': (execution: Execution) => {
      const spreadsheet = access.spreadsheetFor(execution);
      return {
        id: spreadsheet.id,
        name: spreadsheet.data.properties.title,
        locale: spreadsheet.data.properties.locale,
        timeZone: spreadsheet.data.properties.timeZone,
      };
    },
    'ss.sheets': (execution: Execution) =>
      access
        .spreadsheetFor(execution)
        .sheets()
        .map((sheet) => sheet.sheetId),
    'ss.sheetByName': (execution: Execution, name: string) => {
      const sheet = access
        .spreadsheetFor(execution)
        .sheets()
        .find((candidate) => candidate.title === name);
      return sheet?.sheetId ?? null;
    },
    'ss.activeSheet': (execution: Execution) => access.activeSheetId(execution),
    /**
     * Spreadsheet.getActiveRange: "the selected range in the active sheet, or null if there is no
     * active range" (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getactiverange).
     * The selection is the person's own (their last click, or the last Range.activate run as them);
     * the sheet it is on becomes the active sheet. A trigger has no person at the keyboard: null, the
     * stricter reading, as is a selection on a sheet deleted since.
     */
    'ss.activeRange': (execution: Execution) => {
      if ((execution.mode ?? 'user') !== 'user') return null;
      const selected = records.selections
        .filter((selection) => selection.user === execution.activeUser)
        .at(-1);
      if (selected === undefined) return null;
      const spreadsheet = access.spreadsheetFor(execution);
      let range: RangeRef;
      try {
        range = access.rangeFromA1(spreadsheet, selected.a1, access.activeSheetId(execution));
      } catch {
        return null;
      }
      execution.activeSheetId = range.sheetId;
      return range;
    },
    'ss.range': (execution: Execution, a1: string) =>
      access.rangeFromA1(access.spreadsheetFor(execution), a1, access.activeSheetId(execution)),
    'ss.toast': (execution: Execution, message: string, title: string, timeoutSeconds: number) => {
      records.toasts.push({ user: execution.activeUser, message, title, timeoutSeconds });
    },
    ...sheetOperations(access),
    ...rangeOperations(access, records),
  };
}

function sheetOperations(access: SpreadsheetAccess) {
  return {
    'sheet.info': (execution: Execution, sheetId: number) => {
      const sheet = access.sheetFor(execution, sheetId);
      let lastRow = 0;
      let lastColumn = 0;
      sheet.data.rows.forEach((row, index) => {
        row.cells.forEach((cell, column) => {
          if (cell.userEnteredValue !== undefined) {
            lastRow = Math.max(lastRow, index + 1);
            lastColumn = Math.max(lastColumn, column + 1);
          }
        });
      });
      return {
        name: sheet.title,
        index: sheet.data.properties.index,
        maxRows: sheet.rowCount,
        maxColumns: sheet.columnCount,
        lastRow,
        lastColumn,
      };
    },
    'sheet.range': (
      execution: Execution,
      sheetId: number,
      spec: string | [number, number, number, number],
    ) => {
      const spreadsheet = access.spreadsheetFor(execution);
      const sheet = access.sheetFor(execution, sheetId);
      if (typeof spec === 'string') return access.rangeFromA1(spreadsheet, spec, sheetId);
      const [row, column, numRows, numColumns] = spec;
      return access.checkedRange(sheet, { sheetId, row, column, numRows, numColumns });
    },
    'sheet.activate': (execution: Execution, sheetId: number) => {
      access.sheetFor(execution, sheetId);
      execution.activeSheetId = sheetId;
    },
  };
}

function rangeOperations(access: SpreadsheetAccess, records: SpreadsheetRecords) {
  return {
    'range.a1': (execution: Execution, range: RangeRef) =>
      access.a1Of(access.spreadsheetFor(execution), range).split('!')[1] ?? '',
    'range.values': (execution: Execution, range: RangeRef) => {
      const sheet = access.sheetFor(execution, range.sheetId);
      const timeZone = access.spreadsheetFor(execution).data.properties.timeZone;
      return access.grid(range, (row, column) =>
        scriptValueAt(sheet.getValue(row, column), sheet.getFormat(row, column), timeZone),
      );
    },
    'range.displayValues': (execution: Execution, range: RangeRef) => {
      const sheet = access.sheetFor(execution, range.sheetId);
      return access.grid(range, (row, column) => displayValueFrom(sheet.getValue(row, column)));
    },
    'range.setValues': (execution: Execution, range: RangeRef, values: unknown[][]) =>
      access.writeCells(execution, range, values, (sheet, row, column, value) =>
        sheet.setValue(row, column, scriptValueOf(value, sheet.getFormat(row, column))),
      ),
    /**
     * Range.sort sorts the range's rows by cell contents, as the Sheets API's sortRange: the workbook
     * moves cells only, row metadata and protected ranges stay (see Sheet.sortRows). Refused, like a
     * write, when the user may not edit every cell of the range.
     */
    'range.sort': (
      execution: Execution,
      range: RangeRef,
      specs: { column: number; ascending: boolean }[],
    ) => {
      access.requireEditable(execution, range);
      access.sheetFor(execution, range.sheetId).sortRows(
        gridRectOf(range),
        specs.map((spec) => ({ column: spec.column - 1, ascending: spec.ascending })),
      );
      access.model.changed();
    },
    'range.backgrounds': (execution: Execution, range: RangeRef) => {
      const sheet = access.sheetFor(execution, range.sheetId);
      return access.grid(range, (row, column) => backgroundOf(sheet.getFormat(row, column)));
    },
    'range.setBackgrounds': (execution: Execution, range: RangeRef, colours: (string | null)[][]) =>
      access.writeCells(execution, range, colours, (sheet, row, column, colour) =>
        sheet.setFormat(row, column, withBackground(sheet.getFormat(row, column), colour as string | null)),
      ),
    'range.notes': (execution: Execution, range: RangeRef) => {
      const sheet = access.sheetFor(execution, range.sheetId);
      return access.grid(range, (row, column) => sheet.getNote(row, column) ?? '');
    },
    'range.setNotes': (execution: Execution, range: RangeRef, notes: (string | null)[][]) =>
      access.writeCells(execution, range, notes, (sheet, row, column, note) =>
        sheet.setNote(row, column, note === null || note === undefined ? undefined : String(note)),
      ),
    'range.activate': (execution: Execution, range: RangeRef) => {
      const spreadsheet = access.spreadsheetFor(execution);
      execution.activeSheetId = range.sheetId;
      records.selections.push({ user: execution.activeUser, a1: access.a1Of(spreadsheet, range) });
    },
  };
}
