import { WorkbookError } from './workbook-error';

/** A1 notation as both faces accept it: "Sheet1", "'My tab'!A1:C3", "Metrics!B:B", "Metrics!2:5", "A1". */
export interface A1Range {
  /** undefined: the first visible sheet (Google's rule for a range without a sheet name). */
  sheetTitle: string | undefined;
  /** Bounds as given; undefined = open on that side (whole columns/rows or whole sheet). */
  startRow?: number;
  endRow?: number;
  startColumn?: number;
  endColumn?: number;
}

const CELL = /^([A-Za-z]*)(\d*)$/;

export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

function splitSheet(text: string): { sheetTitle: string | undefined; cells: string | undefined } {
  const quoted = /^'((?:[^']|'')*)'(?:!(.*))?$/.exec(text);
  if (quoted) return { sheetTitle: (quoted[1] ?? '').replace(/''/g, "'"), cells: quoted[2] };
  const bang = text.lastIndexOf('!');
  if (bang >= 0) return { sheetTitle: text.slice(0, bang), cells: text.slice(bang + 1) };
  // Without "!", text is a cell range if it looks like one, else a sheet title.
  return /^[A-Za-z]{0,3}\d*(:[A-Za-z]{0,3}\d*)?$/.test(text) && /[A-Za-z0-9]/.test(text)
    ? { sheetTitle: undefined, cells: text }
    : { sheetTitle: text, cells: undefined };
}

export function parseA1(text: string): A1Range {
  const invalid = () => new WorkbookError(`Unable to parse range: ${text}`);
  const { sheetTitle, cells } = splitSheet(text.trim());
  if (cells === undefined || cells === '') return { sheetTitle };
  const [first, second, extra] = cells.split(':');
  if (extra !== undefined || first === undefined) throw invalid();
  const a = CELL.exec(first);
  const b = CELL.exec(second ?? first);
  if (!a || !b || first === '' || second === '') throw invalid();
  const [, aCol = '', aRow = ''] = a;
  const [, bCol = '', bRow = ''] = b;
  const range: A1Range = { sheetTitle };
  if (aCol !== '') range.startColumn = columnIndex(aCol);
  if (bCol !== '') range.endColumn = columnIndex(bCol) + 1;
  if (aRow !== '') range.startRow = Number(aRow) - 1;
  if (bRow !== '') range.endRow = Number(bRow);
  if (aCol === '' && bCol === '' && aRow === '') throw invalid();
  if (range.startRow !== undefined && range.startRow < 0) throw invalid();
  // "A:A" starts at row 0; "2:5" starts at column 0.
  if (range.startColumn === undefined && aRow !== '') range.startColumn = 0;
  if (range.startRow === undefined && aCol !== '') range.startRow = 0;
  return range;
}

/** Quotes a title the way Google does when it answers a range. */
export function quoteSheetTitle(title: string): string {
  return /^[A-Za-z0-9_]+$/.test(title) && !/^[A-Za-z]{1,3}\d+$/.test(title)
    ? title
    : `'${title.replace(/'/g, "''")}'`;
}

export function formatA1(
  sheetTitle: string,
  rect: { startRow: number; endRow: number; startColumn: number; endColumn: number },
): string {
  const from = `${columnLetters(rect.startColumn)}${rect.startRow + 1}`;
  const to = `${columnLetters(rect.endColumn - 1)}${rect.endRow}`;
  return `${quoteSheetTitle(sheetTitle)}!${from === to ? from : `${from}:${to}`}`;
}
