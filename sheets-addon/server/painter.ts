import type { CellPaint } from '../core/cell-note';
import { boxAround, cellKey, overlayPaint } from '../core/paint-plan';

export interface PaintedCell {
  row: number;
  column: number;
  paint: CellPaint;
}

/**
 * Paints cells of one sheet in one pass over the box around them: one read and one write of
 * backgrounds and of notes. Values are never written: what the partner typed stays as typed.
 */
export function paintCells(sheet: GoogleAppsScript.Spreadsheet.Sheet, cells: readonly PaintedCell[]): void {
  const box = boxAround(cells);
  if (box === undefined) return;
  const range = sheet.getRange(box.row, box.column, box.numRows, box.numColumns);
  const paints = new Map(cells.map((cell) => [cellKey(cell.row, cell.column), cell.paint]));
  const painted = overlayPaint(box, { backgrounds: range.getBackgrounds(), notes: range.getNotes() }, paints);
  range.setBackgrounds(painted.backgrounds);
  range.setNotes(painted.notes);
}

/** Outbox items may belong to several sheets (the Metrics tab could be recreated): one pass per sheet. */
export function paintBySheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  cells: readonly (PaintedCell & { sheetId: number })[],
): void {
  const bySheet = new Map<number, PaintedCell[]>();
  for (const cell of cells) bySheet.set(cell.sheetId, [...(bySheet.get(cell.sheetId) ?? []), cell]);
  if (bySheet.size === 0) return;
  const sheets = spreadsheet.getSheets();
  for (const [sheetId, painted] of bySheet) {
    const sheet = sheets.find((candidate) => candidate.getSheetId() === sheetId);
    if (sheet !== undefined) paintCells(sheet, painted);
  }
}
