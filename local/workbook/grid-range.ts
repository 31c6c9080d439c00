import type { sheets_v4 } from '@googleapis/sheets';
import type { Dimension } from './developer-metadata';

/** A GridRange as the API gives it: a missing index means unbounded on that side. */
export type GridRange = sheets_v4.Schema$GridRange;

/** A bounded, half-open rectangle of one sheet. */
export interface GridRect {
  sheetId: number;
  startRow: number;
  endRow: number;
  startColumn: number;
  endColumn: number;
}

/** Sides of a rectangle that may be open: an open side reaches the sheet's edge (see Sheet.rectWithin). */
export interface RectBounds {
  startRow?: number | undefined;
  endRow?: number | undefined;
  startColumn?: number | undefined;
  endColumn?: number | undefined;
}

export const boundsOfGridRange = (range: GridRange): RectBounds => ({
  startRow: range.startRowIndex ?? undefined,
  endRow: range.endRowIndex ?? undefined,
  startColumn: range.startColumnIndex ?? undefined,
  endColumn: range.endColumnIndex ?? undefined,
});

export const rectRows = (rect: GridRect): number => rect.endRow - rect.startRow;
export const rectColumns = (rect: GridRect): number => rect.endColumn - rect.startColumn;

export function gridRangeCovers(range: GridRange, sheetId: number, row: number, column: number): boolean {
  if ((range.sheetId ?? 0) !== sheetId) return false;
  return (
    row >= (range.startRowIndex ?? 0) &&
    row < (range.endRowIndex ?? Number.POSITIVE_INFINITY) &&
    column >= (range.startColumnIndex ?? 0) &&
    column < (range.endColumnIndex ?? Number.POSITIVE_INFINITY)
  );
}

const indexKeys = (dimension: Dimension) =>
  dimension === 'ROWS'
    ? ({ start: 'startRowIndex', end: 'endRowIndex' } as const)
    : ({ start: 'startColumnIndex', end: 'endColumnIndex' } as const);

/**
 * Ranges follow their cells when rows or columns are inserted before or inside them, as on Google:
 * inserting strictly inside a range widens it.
 */
export function shiftForInsert(
  range: GridRange,
  dimension: Dimension,
  index: number,
  count: number,
): GridRange {
  const { start, end } = indexKeys(dimension);
  const shifted = { ...range };
  const from = range[start];
  const to = range[end];
  if (from !== undefined && from !== null && from >= index) shifted[start] = from + count;
  if (to !== undefined && to !== null && to > index) shifted[end] = to + count;
  return shifted;
}

/** undefined when every row (column) of the range was deleted. */
export function shiftForDelete(
  range: GridRange,
  dimension: Dimension,
  deleteStart: number,
  deleteEnd: number,
): GridRange | undefined {
  const { start, end } = indexKeys(dimension);
  const count = deleteEnd - deleteStart;
  const map = (index: number): number =>
    index <= deleteStart ? index : index >= deleteEnd ? index - count : deleteStart;
  const shifted = { ...range };
  const from = range[start];
  const to = range[end];
  if (from !== undefined && from !== null) shifted[start] = map(from);
  if (to !== undefined && to !== null) shifted[end] = map(to);
  const newFrom = shifted[start] ?? 0;
  const newTo = shifted[end];
  if (newTo !== undefined && newTo !== null && newTo <= newFrom) return undefined;
  return shifted;
}

/** Follows the cells of a bounded range through a permutation; takes the hull if they scatter. */
export function shiftForPermutation(
  range: GridRange,
  dimension: Dimension,
  newIndexOf: (oldIndex: number) => number,
): GridRange {
  const { start, end } = indexKeys(dimension);
  const from = range[start];
  const to = range[end];
  if (from === undefined || from === null || to === undefined || to === null) return range;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let index = from; index < to; index++) {
    const moved = newIndexOf(index);
    low = Math.min(low, moved);
    high = Math.max(high, moved);
  }
  return { ...range, [start]: low, [end]: high + 1 };
}
