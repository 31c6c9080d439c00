import { type CellValue, fromCell, type Grid, HEADER_ROWS, isBlankRow } from './cell-values';
import { CONFIG_TAB_TITLES, type ConfigColumn, type ConfigTabId } from './config-columns';
import type { ConfigProblem } from './config-problems';

/** One item row of a tab: its cells, the values read from them, and where each field's column is. */
export interface ReadItem {
  row: number;
  cells: readonly CellValue[];
  values: Record<string, unknown>;
  columns: Record<string, number>;
  headers: Record<string, string>;
}

function normalised(cell: CellValue | undefined): string {
  return typeof cell === 'string' ? cell.trim().toLowerCase() : '';
}

/** A whole tab missing is one problem on its first cell. */
export function missingTab(tab: ConfigTabId): ConfigProblem {
  return {
    tab,
    row: 0,
    column: 0,
    message: `The ${CONFIG_TAB_TITLES[tab]} tab is missing; expected it as "Create project..." writes it`,
  };
}

/**
 * The item rows of a row-per-item tab, columns found by their header label (so a coordinator may
 * reorder them); a missing header is one problem on the header row, and its field reads as empty.
 */
export function readTable(
  tab: ConfigTabId,
  grid: Grid | undefined,
  columns: readonly ConfigColumn[],
  problems: ConfigProblem[],
): ReadItem[] {
  if (grid === undefined) {
    problems.push(missingTab(tab));
    return [];
  }
  const header = (grid[0] ?? []).map(normalised);
  const found: Record<string, number> = {};
  const headers: Record<string, string> = {};
  for (const column of columns) {
    headers[column.key] = column.header;
    const index = header.indexOf(column.header.toLowerCase());
    if (index >= 0) found[column.key] = index;
    else
      problems.push({
        tab,
        row: 0,
        column: Math.max(header.length, 0),
        message: `${CONFIG_TAB_TITLES[tab]}: the column "${column.header}" is missing from the header row; expected it (${column.explains})`,
      });
  }
  const items: ReadItem[] = [];
  grid.forEach((cells, row) => {
    if (row < HEADER_ROWS || isBlankRow(cells)) return;
    const values: Record<string, unknown> = {};
    for (const column of columns) {
      const index = found[column.key];
      values[column.key] = index === undefined ? undefined : fromCell(column.kind, cells[index]);
    }
    items.push({ row, cells, values, columns: found, headers });
  });
  return items;
}
