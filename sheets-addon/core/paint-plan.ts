import type { CellPaint } from './cell-note';
import type { Box } from './value-grid';

export interface BoxPaint {
  backgrounds: string[][];
  notes: string[][];
}

/** What is written back: null resets a cell's fill to none (Range.setBackgrounds). */
export interface BoxPaintWrite {
  backgrounds: (string | null)[][];
  notes: string[][];
}

export const cellKey = (row: number, column: number) => `${row}:${column}`;

/** getBackgrounds answers white both for no fill and for an explicit white one. */
const NO_FILL = '#ffffff';

/**
 * The colours and notes of a whole box with the given cells changed and every other cell (labels,
 * cells the API did not answer) as it was: painted with one setBackgrounds and one setNotes. Only
 * cells with an outcome get a colour: a cell that reads white is written back as no fill (null), not
 * as an explicit white fill that would hide the sheet's banding or conditional colours.
 */
export function overlayPaint(
  box: Box,
  current: BoxPaint,
  paints: ReadonlyMap<string, CellPaint>,
): BoxPaintWrite {
  const backgrounds: (string | null)[][] = [];
  const notes: string[][] = [];
  for (let r = 0; r < box.numRows; r += 1) {
    const rowBackgrounds: (string | null)[] = [];
    const rowNotes: string[] = [];
    for (let c = 0; c < box.numColumns; c += 1) {
      const paint = paints.get(cellKey(box.row + r, box.column + c));
      const was = current.backgrounds[r]?.[c];
      const kept = was === undefined || was.toLowerCase() === NO_FILL ? null : was;
      rowBackgrounds.push(paint?.background ?? kept);
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
