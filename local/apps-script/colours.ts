import type { CellFormat } from '../workbook';

/** The colour names SpreadsheetApp accepts besides hex codes (CSS names); those the add-ons here may use. */
const NAMED: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
};

export const DEFAULT_BACKGROUND = '#ffffff';

type Rgb = { red?: number | null; green?: number | null; blue?: number | null };

const channel = (value: number | null | undefined) =>
  Math.round((value ?? 0) * 255)
    .toString(16)
    .padStart(2, '0');

/** As getBackgrounds() answers: lower-case "#rrggbb", white when the cell has no colour. */
export function backgroundOf(format: CellFormat | undefined): string {
  const rgb: Rgb | null | undefined = format?.backgroundColorStyle?.rgbColor ?? format?.backgroundColor;
  if (rgb === undefined || rgb === null) return DEFAULT_BACKGROUND;
  return `#${channel(rgb.red)}${channel(rgb.green)}${channel(rgb.blue)}`;
}

/** What setBackground accepts: "#rgb", "#rrggbb", a colour name; null or "" resets to none. */
export function parseColour(text: string | null): Rgb | undefined {
  if (text === null || text === '') return undefined;
  const trimmed = text.trim().toLowerCase();
  let hex = NAMED[trimmed] ?? trimmed;
  if (/^#[0-9a-f]{3}$/.test(hex)) hex = `#${[...hex.slice(1)].map((digit) => digit + digit).join('')}`;
  if (!/^#[0-9a-f]{6}$/.test(hex)) {
    throw new Error(
      `Invalid color string: "${text}". Expected a hex code such as #d9ead3 or a CSS colour name.`,
    );
  }
  const at = (start: number) => Number.parseInt(hex.slice(start, start + 2), 16) / 255;
  return { red: at(1), green: at(3), blue: at(5) };
}

/** The cell's format with its background replaced (or removed), as the API would store it. */
export function withBackground(
  format: CellFormat | undefined,
  colour: string | null,
): CellFormat | undefined {
  const rgb = parseColour(colour);
  const next: CellFormat = { ...(format ?? {}) };
  delete next.backgroundColor;
  delete next.backgroundColorStyle;
  if (rgb !== undefined) {
    next.backgroundColor = { ...rgb };
    next.backgroundColorStyle = { rgbColor: { ...rgb } };
  }
  return Object.keys(next).length === 0 ? undefined : next;
}
