/**
 * Quotes one CSV field the RFC 4180 way, and only when needed, so a table written here reads back
 * cell for cell with csv-parse and looks like what a spreadsheet exports. Leading or trailing
 * spaces are quoted too: some readers trim unquoted fields.
 */
export function quoteCsvCell(text: string): string {
  if (/[",\r\n]/.test(text) || text !== text.trim()) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(quoteCsvCell).join(',');
}
