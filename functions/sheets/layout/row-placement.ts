import type { Request } from './sheet-requests';

/** New rows placed among the existing ones, and where every existing row is once they are in. */
export interface RowPlacement<T> {
  /** Rows made room for: inserted where they belong (appended at the very end), last position first. */
  requests: Request[];
  /** The index an existing row (as read) has after the insertions. */
  shifted(row: number): number;
  /** Each new item with the index of its row after the insertions, in the order given. */
  placed: { item: T; row: number }[];
  rowCount: number;
}

/**
 * Makes room for new rows, each group BEFORE the existing row `position` (as read; `rowCount` for
 * the end), so an installation's new metric sits with its other rows instead of at the bottom where
 * nobody looks. Requests go from the last position up, so each position still means the row as read.
 */
export function placeNewRows<T>(
  sheetId: number,
  rowCount: number,
  groups: ReadonlyMap<number, readonly T[]>,
): RowPlacement<T> {
  const positions = [...groups.keys()].filter((position) => (groups.get(position) ?? []).length > 0);
  positions.sort((a, b) => a - b);
  const requests: Request[] = [];
  for (const position of [...positions].reverse()) {
    const count = groups.get(position)?.length ?? 0;
    if (position >= rowCount) {
      requests.push({ appendDimension: { sheetId, dimension: 'ROWS', length: count } });
      continue;
    }
    requests.push({
      insertDimension: {
        range: { sheetId, dimension: 'ROWS', startIndex: position, endIndex: position + count },
        // Formats (text number format, widths) come from the data row above; never from the header.
        inheritFromBefore: position > 1,
      },
    });
  }
  const placed: { item: T; row: number }[] = [];
  let before = 0;
  for (const position of positions) {
    const items = groups.get(position) ?? [];
    items.forEach((item, offset) => {
      placed.push({ item, row: Math.min(position, rowCount) + before + offset });
    });
    before += items.length;
  }
  const shifted = (row: number): number => {
    let moved = row;
    for (const position of positions) if (position <= row) moved += groups.get(position)?.length ?? 0;
    return moved;
  };
  return { requests, shifted, placed, rowCount: rowCount + before };
}
