/** Cells that are figures: digits, separators, %, comparators, and "missing" in a figure's place. */
const NUMERIC_CELL = /^[<>=]*\s*[-+]?[\d.,\s]+%?(\s*\([\d.,\s]+%?\))?$|^missing$/;

/** Figures align right in every table of the report (Word and HTML alike), so their digits line up. */
export function isNumericCell(text: string): boolean {
  return NUMERIC_CELL.test(text.trim());
}
