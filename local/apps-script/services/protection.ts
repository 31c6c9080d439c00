import { boundsOfGridRange, type ProtectedRangeData, type Spreadsheet } from '../../workbook';
import type { Execution } from '../execution';
import type { ProtectionView, RangeRef } from '../host-views';
import { gridRangeOf, rangeRefOf } from '../range-ref';
import type { SpreadsheetAccess } from './spreadsheet-access';

/** The host's side of Protection: protected ranges and sheets, changed only by their editors. */
export function protectionOperations(access: SpreadsheetAccess) {
  return {
    /** `type` as the script gave it: one that is neither RANGE nor SHEET finds nothing. */
    'protection.list': (execution: Execution, sheetId: number | null, type: string) => {
      const spreadsheet = access.spreadsheetFor(execution);
      return spreadsheet
        .protectedRanges()
        .filter((data) => sheetId === null || (data.range.sheetId ?? 0) === sheetId)
        .map((data) => protectionView(spreadsheet, data))
        .filter((view) => view.type === type);
    },
    'protection.protect': (execution: Execution, target: { sheetId: number; range?: RangeRef }) => {
      const spreadsheet = access.spreadsheetFor(execution);
      const range = target.range === undefined ? { sheetId: target.sheetId } : gridRangeOf(target.range);
      const created = spreadsheet.addProtectedRange(
        { range, warningOnly: false, editors: { users: [] } },
        execution.effectiveUser,
      );
      access.model.changed();
      return protectionView(spreadsheet, created);
    },
    'protection.update': (
      execution: Execution,
      id: number,
      change: {
        description?: string;
        warningOnly?: boolean;
        addEditors?: string[];
        removeEditors?: string[];
      },
    ) => {
      const spreadsheet = access.spreadsheetFor(execution);
      const data = requireProtectionEditor(execution, spreadsheet, id);
      let users = data.editors.users;
      if (change.addEditors !== undefined)
        users = [...users, ...change.addEditors.map((user) => user.toLowerCase())];
      if (change.removeEditors !== undefined) {
        const removed = new Set(change.removeEditors.map((user) => user.toLowerCase()));
        users = users.filter((user) => !removed.has(user) || user === spreadsheet.owner);
      }
      const next: ProtectedRangeData = {
        ...data,
        ...(change.description === undefined ? {} : { description: change.description }),
        ...(change.warningOnly === undefined ? {} : { warningOnly: change.warningOnly }),
        editors: { users },
      };
      const stored = spreadsheet.replaceProtectedRange(next);
      access.model.changed();
      return protectionView(spreadsheet, stored);
    },
    'protection.remove': (execution: Execution, id: number) => {
      const spreadsheet = access.spreadsheetFor(execution);
      requireProtectionEditor(execution, spreadsheet, id);
      spreadsheet.deleteProtectedRange(id);
      access.model.changed();
    },
  };
}

function protectionView(spreadsheet: Spreadsheet, data: ProtectedRangeData): ProtectionView {
  const sheet = spreadsheet.sheetById(data.range.sheetId ?? 0);
  const bounded = (range: ProtectedRangeData['range']): RangeRef =>
    rangeRefOf(sheet.sheetId, sheet.rectWithin(boundsOfGridRange(range)));
  const wholeSheet =
    data.range.startRowIndex == null &&
    data.range.endRowIndex == null &&
    data.range.startColumnIndex == null &&
    data.range.endColumnIndex == null;
  return {
    id: data.protectedRangeId,
    type: wholeSheet ? 'SHEET' : 'RANGE',
    sheetId: sheet.sheetId,
    range: bounded(data.range),
    description: data.description ?? '',
    warningOnly: data.warningOnly,
    editors: [...data.editors.users],
    unprotected: (data.unprotectedRanges ?? []).map(bounded),
  };
}

function requireProtectionEditor(
  execution: Execution,
  spreadsheet: Spreadsheet,
  id: number,
): ProtectedRangeData {
  const data = spreadsheet.protectedRangeById(id);
  const who = execution.effectiveUser.toLowerCase();
  if (who !== spreadsheet.owner && !data.editors.users.includes(who)) {
    throw new Error(
      `${execution.effectiveUser} may not change this protection: only its editors and the owner may.`,
    );
  }
  return data;
}
