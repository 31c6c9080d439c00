import type { sheets_v4 } from '@googleapis/sheets';
import { editorList } from './protection';
import type { GridRange } from './sheet-requests';

/** What the coordinator reads about a person's whole-sheet protection (see personalSheetProtection). */
export function sheetProtectionNotice(title: string, protection: sheets_v4.Schema$ProtectedRange): string {
  const editors = editorList(protection.editors?.users ?? []);
  const who = editors.length === 0 ? 'nobody listed' : editors.join(', ');
  const named = protection.description ? ` ("${protection.description}")` : '';
  return `The ${title} tab has a whole-sheet protection set by a person${named}: only its editors (${who}) may edit any cell of the tab, so partners not listed there cannot type their values. va-assess left it in place and protected its own ranges beside it. Remove that protection (Data › Protect sheets and ranges), or add each partner to its editors, so the per-installation protections decide who edits which row.`;
}

/**
 * What the tab's whole-sheet protection covers (everything but the value columns below the header),
 * as ranges: the header row, and every column run that is not a value column (to the last column).
 */
export function outsideValueColumns(
  sheetId: number,
  valueColumnRuns: readonly [number, number][],
): GridRange[] {
  const ranges: GridRange[] = [{ sheetId, startRowIndex: 0, endRowIndex: 1 }];
  let start = 0;
  for (const [runStart, runEnd] of [...valueColumnRuns].sort((a, b) => a[0] - b[0])) {
    if (runStart > start) {
      ranges.push({ sheetId, startRowIndex: 1, startColumnIndex: start, endColumnIndex: runStart });
    }
    start = Math.max(start, runEnd);
  }
  ranges.push({ sheetId, startRowIndex: 1, startColumnIndex: start });
  return ranges;
}
