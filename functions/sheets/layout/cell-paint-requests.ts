import type { sheets_v4 } from '@googleapis/sheets';
import type { CellPaint } from './outcome-paint';
import type { CellData } from './sheet-requests';

/**
 * The parts of a cell a paint replaces. Only backgroundColorStyle is written (backgroundColor is
 * deprecated in its favour: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/cells#CellFormat),
 * but both stay in the mask so a colour set the old way (or by an older version of ours) is cleared.
 */
export const PAINT_FIELDS = 'note,userEnteredFormat.backgroundColor,userEnteredFormat.backgroundColorStyle';

/** No colour and no note: what a paint of `undefined` leaves (its fields listed, so cleared). */
export const NO_PAINT: CellPaint = { background: '', note: '' };

/** "#fff2cc" → the API's 0..1 channels. */
export function colourOf(hex: string): sheets_v4.Schema$Color {
  const at = (start: number) => Number.parseInt(hex.slice(start, start + 2), 16) / 255;
  return { red: at(1), green: at(3), blue: at(5) };
}

const channel = (value: number | null | undefined) =>
  Math.round((value ?? 0) * 255)
    .toString(16)
    .padStart(2, '0');

/** A cell's own background as "#rrggbb" (Google answers channels as floats, 0 ones left out); '' for none. */
export function backgroundHexOf(format: sheets_v4.Schema$CellFormat | null | undefined): string {
  const rgb = format?.backgroundColorStyle?.rgbColor ?? format?.backgroundColor;
  if (rgb === undefined || rgb === null) return '';
  return `#${channel(rgb.red)}${channel(rgb.green)}${channel(rgb.blue)}`;
}

/** A cell carrying `paint` (and `text` when given), to be written with PAINT_FIELDS (+ userEnteredValue). */
export function paintedCell(paint: CellPaint, text?: string): CellData {
  const cell: CellData = {};
  if (text !== undefined) cell.userEnteredValue = { stringValue: text };
  if (paint.note !== '') cell.note = paint.note;
  if (paint.background !== '') {
    const colour = colourOf(paint.background);
    cell.userEnteredFormat = { backgroundColorStyle: { rgbColor: colour } };
  }
  return cell;
}

export const samePaint = (a: CellPaint, b: CellPaint): boolean =>
  a.note === b.note && a.background.toLowerCase() === b.background.toLowerCase();
