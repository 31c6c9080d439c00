import type { CellPaint } from './cell-note';
import type { Box } from './value-grid';

export interface BoxPaint {
  backgrounds: string[][];
  notes: string[][];
}

export const cellKey = (row: number, column: number) => `${row}:${column}`;

/**
 * The colours and notes of a whole box with the given cells changed and every other cell (labels,
 * cells the API did not answer) as it was: painted with one setBackgrounds and one setNotes.
 */
export function overlayPaint(box: Box, current: BoxPaint, paints: ReadonlyMap<string, CellPaint>): BoxPaint {
  const backgrounds: string[][] = [];
  const notes: string[][] = [];
  for (let r = 0; r < box.numRows; r += 1) {
    const rowBackgrounds: string[] = [];
    const rowNotes: string[] = [];
    for (let c = 0; c < box.numColumns; c += 1) {
      const paint = paints.get(cellKey(box.row + r, box.column + c));
      rowBackgrounds.push(paint?.background ?? current.backgrounds[r]?.[c] ?? '#ffffff');
      rowNotes.push(paint?.note ?? current.notes[r]?.[c] ?? '');
    }
    backgrounds.push(rowBackgrounds);
    notes.push(rowNotes);
  }
  return { backgrounds, notes };
}

/** The smallest box holding the given cells. */
export function boxAround(cells: readonly { row: number; column: number }[]): Box | undefined {
  if (cells.length === 0) return undefined;
  const rows = cells.map((cell) => cell.row);
  const columns = cells.map((cell) => cell.column);
  const row = Math.min(...rows);
  const column = Math.min(...columns);
  return { row, column, numRows: Math.max(...rows) - row + 1, numColumns: Math.max(...columns) - column + 1 };
}
