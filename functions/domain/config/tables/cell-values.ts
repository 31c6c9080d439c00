import type { CellKind } from './config-columns';

/** What a cell holds, in a spreadsheet (unformatted values) or in a workbook. */
export type CellValue = string | number | boolean | null;

/** A tab as rows of cells, its two header rows (labels, then explanations) included. */
export type Grid = CellValue[][];

/** The header label row and the explanation row sit above the first item. */
export const HEADER_ROWS = 2;

/** A configuration value as its cell shows it; an empty text or list is an empty cell. */
export function toCell(kind: CellKind, value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (kind === 'list') {
    const entries = value as readonly string[];
    if (entries.length === 0) return null;
    // Commas read best; an entry that holds one forces one entry per line so it reads back whole.
    return entries.some((entry) => entry.includes(',')) ? entries.join('\n') : entries.join(', ');
  }
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

function isEmpty(cell: CellValue | undefined): cell is null | undefined {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function splitList(cell: string): string[] {
  const separator = cell.includes('\n') ? '\n' : ',';
  return cell
    .split(separator)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * A cell as the configuration field it holds; undefined when empty, so the schema's default applies
 * (or its "required" problem names the cell). What cannot be read as the kind is passed on as it is
 * and the schema says what was expected.
 */
export function fromCell(kind: CellKind, cell: CellValue | undefined): unknown {
  if (isEmpty(cell)) return kind === 'baseline' ? null : undefined;
  switch (kind) {
    case 'text':
      return typeof cell === 'string' ? cell.trim() : String(cell);
    case 'number': {
      if (typeof cell !== 'string') return cell;
      const parsed = Number(cell.trim());
      return Number.isFinite(parsed) ? parsed : cell;
    }
    case 'list':
      return typeof cell === 'string' ? splitList(cell) : [String(cell)];
    case 'baseline':
      return typeof cell === 'string' ? cell.trim() : cell;
  }
}

/** Whether a data row holds nothing: such rows are skipped, wherever they are. */
export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return row === undefined || row.every((cell) => isEmpty(cell));
}

/** A cell as a note quotes it. */
export function describeCell(cell: CellValue | undefined): string {
  return isEmpty(cell) ? 'the cell is empty' : `found "${String(cell)}"`;
}
