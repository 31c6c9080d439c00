import { ANCHOR_KEYS } from './anchors';
import { anchorRow, appendRows, type CellData, type Request, writeCells } from './sheet-requests';
import type { TabSnapshot } from './sheet-snapshot';

/**
 * Writes one window's block of a tab holding one block per window (Summary, Report): a block already
 * there (found by its anchor, wherever it moved) is replaced in place, from its anchor row to the next
 * block's; otherwise the block is appended. New rows are inserted before the old ones are deleted, so
 * the tab never runs out of rows.
 */
export function planWindowBlock(tab: TabSnapshot, windowId: string, rows: CellData[][]): Request[] {
  const sheetId = tab.sheetId;
  const starts = tab.rowAnchors
    .filter((anchor) => anchor.key === ANCHOR_KEYS.windowBlock)
    .sort((a, b) => a.index - b.index);
  const own = starts.find((anchor) => anchor.value === windowId);
  const requests: Request[] = [];
  let start: number;
  if (own === undefined) {
    start = tab.rowCount;
    requests.push(appendRows(sheetId, rows.length));
  } else {
    start = own.index;
    const end = starts.find((anchor) => anchor.index > own.index)?.index ?? tab.rowCount;
    requests.push({
      insertDimension: {
        range: { sheetId, dimension: 'ROWS', startIndex: start, endIndex: start + rows.length },
        inheritFromBefore: false,
      },
    });
    requests.push({
      deleteDimension: {
        range: { sheetId, dimension: 'ROWS', startIndex: start + rows.length, endIndex: end + rows.length },
      },
    });
  }
  requests.push(writeCells(sheetId, start, 0, rows, 'userEnteredValue,userEnteredFormat'));
  requests.push(anchorRow(sheetId, start, ANCHOR_KEYS.windowBlock, windowId));
  return requests;
}
