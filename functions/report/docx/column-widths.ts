import type { ReportTable } from '../../domain/report/report-model';

/** A key-value table (description, document description): labels narrow, values take the rest. */
const KEY_VALUE_SHARES = [0.28, 0.72];
/** Beyond this many characters a column wraps instead of widening: a long text must not starve the figures. */
const WIDE_COLUMN_CHARS = 36;
/** Characters a cell's margins and a bold header take beyond its text. */
const CELL_PADDING_CHARS = 2;

function longestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => word.length));
}

/**
 * Column widths in twips, shared the way a browser lays out a table: every column first gets its
 * longest word (so "6,000,000" never breaks into "6,000,00 / 0"), then what is left goes to the columns
 * whose text would still wrap, in proportion to how much more they want. Word and LibreOffice otherwise
 * give every column the same width, squeezing a metric's name into one word per line.
 *
 * `capacityChars` is how many characters of the table's font fit across `totalWidth`.
 */
export function columnWidths(table: ReportTable, totalWidth: number, capacityChars: number): number[] {
  const columns = Math.max(table.header.length, ...table.rows.map((row) => row.length));
  if (table.header.length === 0 && columns === KEY_VALUE_SHARES.length) {
    return KEY_VALUE_SHARES.map((share) => Math.round(share * totalWidth));
  }
  const least: number[] = [];
  const wanted: number[] = [];
  for (let column = 0; column < columns; column += 1) {
    const cells = table.rows.map((row) => row[column] ?? '');
    // Header words are bold, about a character wider than the same word in a cell.
    const word = Math.max(longestWord(table.header[column] ?? '') + 1, ...cells.map(longestWord));
    const minimum = Math.min(WIDE_COLUMN_CHARS, word) + CELL_PADDING_CHARS;
    least.push(minimum);
    const longest = Math.max(0, ...cells.map((cell) => cell.length)) + CELL_PADDING_CHARS;
    wanted.push(Math.max(minimum, Math.min(WIDE_COLUMN_CHARS, longest)));
  }
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  let chars: number[];
  if (sum(wanted) <= capacityChars || sum(least) >= capacityChars) {
    // Everything fits (share the spare room alike), or not even the words do (shrink alike).
    chars = sum(wanted) <= capacityChars ? wanted : least;
  } else {
    const spare = capacityChars - sum(least);
    const extra = wanted.map((want, index) => want - (least[index] ?? 0));
    const extraTotal = sum(extra);
    chars = least.map((minimum, index) => minimum + (spare * (extra[index] ?? 0)) / extraTotal);
  }
  const total = sum(chars);
  return chars.map((width) => Math.round((width / total) * totalWidth));
}
