import type { ConfigTabId } from './config-columns';

/** A cell of a configuration tab, in grid coordinates (0-based; the header rows are rows 0 and 1). */
export interface CellLocation {
  tab: ConfigTabId;
  row: number;
  column: number;
}

/** One problem of the configuration tabs, on the cell that holds it, in the coordinator's words. */
export interface ConfigProblem extends CellLocation {
  message: string;
}

/** A1 notation of a grid cell ("B3"), as a person finds it in the tab. */
export function a1Of(location: Pick<CellLocation, 'row' | 'column'>): string {
  let column = location.column;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (column % 26)) + letters;
    column = Math.floor(column / 26) - 1;
  } while (column >= 0);
  return `${letters}${location.row + 1}`;
}
