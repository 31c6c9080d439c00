import type { sheets_v4 } from '@googleapis/sheets';
import type { GridRange, Request } from './sheet-requests';

/** Protected ranges whose description starts with this are ours: kept in line with the config. */
export const PROTECTION_PREFIX = 'va-assess:';

export const protectionDescriptions = {
  /** Labels, ids, header and generated tabs: coordinators and the service account only. */
  tab: (role: string) => `${PROTECTION_PREFIX}tab:${role}`,
  /** One installation's value cells: its editors, the coordinators and the service account. */
  installation: (installationId: string) => `${PROTECTION_PREFIX}installation:${installationId}`,
  /** Value cells of rows the config no longer has: coordinators and the service account only. */
  retired: `${PROTECTION_PREFIX}retired`,
  /** A locked period's value column: coordinators and the service account only, whatever the row. */
  locked: (periodId: string) => `${PROTECTION_PREFIX}locked:${periodId}`,
};

export interface DesiredProtection {
  description: string;
  range: GridRange;
  editors: readonly string[];
  unprotectedRanges?: GridRange[];
}

/** Editors lowercased, deduplicated and sorted: the order of a list says nothing about access. */
export function editorList(...groups: readonly (readonly string[])[]): string[] {
  return [...new Set(groups.flat().map((email) => email.trim().toLowerCase()))].filter(Boolean).sort();
}

/** Google leaves out a range's bounds when they are 0 (start) or unbounded (end). */
function rangeKey(range: GridRange | undefined): string {
  return JSON.stringify([
    range?.sheetId ?? 0,
    range?.startRowIndex ?? 0,
    range?.endRowIndex ?? null,
    range?.startColumnIndex ?? 0,
    range?.endColumnIndex ?? null,
  ]);
}

function protectionKey(protection: {
  description?: string | null;
  range?: GridRange;
  editors?: readonly string[];
  unprotectedRanges?: GridRange[];
}): string {
  return JSON.stringify([
    protection.description ?? '',
    rangeKey(protection.range),
    editorList(protection.editors ?? []),
    (protection.unprotectedRanges ?? []).map(rangeKey).sort(),
  ]);
}

/**
 * Requests that make a tab's own protected ranges exactly `desired`, computed from the configuration
 * alone: a range is kept only when its description, range and editors are exactly what is wanted,
 * otherwise it is deleted and added again; who may edit is never read back from the sheet, where an
 * editor of a range (or a script of theirs) may have added someone. Google adds the spreadsheet's
 * owner to every range it protects: an owner who is a coordinator is wanted anyway, so a second setup
 * changes nothing; an owner who is not makes each setup add the ranges again (correct, a few requests
 * more). Protected ranges someone else added (no va-assess description) are never touched.
 */
export function syncProtections(
  existing: readonly sheets_v4.Schema$ProtectedRange[],
  desired: readonly DesiredProtection[],
): Request[] {
  const ours = existing.filter((range) => (range.description ?? '').startsWith(PROTECTION_PREFIX));
  const wanted = new Map<string, DesiredProtection[]>();
  for (const protection of desired) {
    const key = protectionKey(protection);
    wanted.set(key, [...(wanted.get(key) ?? []), protection]);
  }
  const requests: Request[] = [];
  for (const range of ours) {
    const key = protectionKey({
      description: range.description,
      ...(range.range === undefined ? {} : { range: range.range }),
      editors: range.editors?.users ?? [],
      ...(range.unprotectedRanges === undefined ? {} : { unprotectedRanges: range.unprotectedRanges }),
    });
    const matches = wanted.get(key);
    if (matches !== undefined && matches.length > 0) {
      matches.pop();
      continue;
    }
    if (typeof range.protectedRangeId === 'number') {
      requests.push({ deleteProtectedRange: { protectedRangeId: range.protectedRangeId } });
    }
  }
  for (const protection of [...wanted.values()].flat()) {
    requests.push({
      addProtectedRange: {
        protectedRange: {
          description: protection.description,
          range: protection.range,
          editors: { users: editorList(protection.editors) },
          warningOnly: false,
          ...(protection.unprotectedRanges === undefined
            ? {}
            : { unprotectedRanges: protection.unprotectedRanges }),
        },
      },
    });
  }
  return requests;
}

/** Every one of our ranges of the tab deleted and `desired` added: for when rows moved under them. */
export function replaceProtections(
  existing: readonly sheets_v4.Schema$ProtectedRange[],
  desired: readonly DesiredProtection[],
): Request[] {
  const deletions: Request[] = existing.flatMap((range) =>
    (range.description ?? '').startsWith(PROTECTION_PREFIX) && typeof range.protectedRangeId === 'number'
      ? [{ deleteProtectedRange: { protectedRangeId: range.protectedRangeId } }]
      : [],
  );
  return [...deletions, ...syncProtections([], desired)];
}

/**
 * Google allows one whole-sheet protection per sheet ("already has sheet protection"): one a person
 * set on the tab stays, and the tab's own protection is laid out as range protections instead.
 */
export function personalSheetProtection(tab: {
  protectedRanges: readonly sheets_v4.Schema$ProtectedRange[];
}): sheets_v4.Schema$ProtectedRange | undefined {
  return tab.protectedRanges.find(
    (range) => !(range.description ?? '').startsWith(PROTECTION_PREFIX) && isWholeSheet(range.range),
  );
}

function isWholeSheet(range: GridRange | undefined): boolean {
  return (
    range !== undefined &&
    range.startRowIndex == null &&
    range.endRowIndex == null &&
    range.startColumnIndex == null &&
    range.endColumnIndex == null
  );
}

/**
 * A tab the functions write whole: only coordinators and the service account may change it. Beside
 * a person's whole-sheet protection (Google refuses a second), the same cells are protected as two
 * ranges: the header row, and every row below it (bounded ranges, so not a sheet protection).
 */
export function protectGeneratedTab(
  tab: { sheetId: number; protectedRanges: sheets_v4.Schema$ProtectedRange[] },
  role: string,
  editors: readonly string[],
): Request[] {
  const description = protectionDescriptions.tab(role);
  const ranges: GridRange[] =
    personalSheetProtection(tab) === undefined
      ? [{ sheetId: tab.sheetId }]
      : [
          { sheetId: tab.sheetId, startRowIndex: 0, endRowIndex: 1 },
          { sheetId: tab.sheetId, startRowIndex: 1 },
        ];
  return syncProtections(
    tab.protectedRanges,
    ranges.map((range) => ({ description, range, editors })),
  );
}
