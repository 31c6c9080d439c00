/** Spreadsheet column letters for a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(columnIndex: number): string {
  if (!Number.isInteger(columnIndex) || columnIndex < 0) {
    throw new RangeError(`column index must be a whole number >= 0, got ${columnIndex}`);
  }
  let letters = '';
  let remaining = columnIndex + 1;
  while (remaining > 0) {
    const digit = (remaining - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    remaining = Math.floor((remaining - 1) / 26);
  }
  return letters;
}

/** "metrics.csv!D7": a 0-based column index and a 1-based row number, as a person finds the cell. */
export function cellReference(sourceName: string, columnIndex: number, rowNumber: number): string {
  return `${sourceName}!${columnLetter(columnIndex)}${rowNumber}`;
}
