import { PAINT_FIELDS, paintedCell, samePaint } from './cell-paint-requests';
import type { CellPaint } from './outcome-paint';
import { type Request, writeCells } from './sheet-requests';
import { cellPaint, type TabSnapshot } from './sheet-snapshot';

/**
 * Rows of an installation or metric the config no longer has. What was typed there stays (it may be
 * all that is left of it); the rows are greyed, noted and closed to everyone but the coordinators.
 */
export const RETIRED_NOTE = 'no longer in the project configuration: kept for the record';
/** Google's "light grey 1": distinct from the outcome colours, which mean something about a value. */
export const RETIRED_LABEL_BACKGROUND = '#d9d9d9';

const BACKGROUND_FIELDS = 'userEnteredFormat.backgroundColor,userEnteredFormat.backgroundColorStyle';

interface LabelCells {
  tab: TabSnapshot;
  /** The row as read, and where it is once new rows are in. */
  readRow: number;
  row: number;
  /** The label columns; the first one (the installation's name) carries the note. */
  columns: readonly number[];
}

/** Grey label cells, the note on the first: only what is not so already. */
export function retireLabels({ tab, readRow, row, columns }: LabelCells): Request[] {
  return columns.flatMap((column, index) => {
    const current = cellPaint(tab, readRow, column);
    if (index === 0) {
      const wanted: CellPaint = { background: RETIRED_LABEL_BACKGROUND, note: RETIRED_NOTE };
      if (samePaint(current, wanted)) return [];
      return [writeCells(tab.sheetId, row, column, [[paintedCell(wanted)]], PAINT_FIELDS)];
    }
    if (samePaint(current, { background: RETIRED_LABEL_BACKGROUND, note: current.note })) return [];
    return [
      writeCells(
        tab.sheetId,
        row,
        column,
        [[paintedCell({ background: RETIRED_LABEL_BACKGROUND, note: '' })]],
        BACKGROUND_FIELDS,
      ),
    ];
  });
}

/** A row back in the config loses the grey and the note we put there, and nothing else. */
export function reviveLabels({ tab, readRow, row, columns }: LabelCells): Request[] {
  return columns.flatMap((column) => {
    const current = cellPaint(tab, readRow, column);
    if (current.background.toLowerCase() !== RETIRED_LABEL_BACKGROUND) return [];
    const note = current.note === RETIRED_NOTE ? '' : current.note;
    return [writeCells(tab.sheetId, row, column, [[paintedCell({ background: '', note })]], PAINT_FIELDS)];
  });
}
