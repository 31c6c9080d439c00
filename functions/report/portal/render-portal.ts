import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import {
  PORTAL_COLUMNS,
  type PortalFormat,
  type PortalTable,
  portalRowCells,
} from '../../domain/portal/portal-table';

export { PORTAL_FORMATS, type PortalFormat } from '../../domain/portal/portal-table';

export const PORTAL_CONTENT_TYPES: Record<PortalFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface RenderedPortalTable {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

/** "imagine-PY1-ec-portal.csv" */
export function portalFileName(
  table: Pick<PortalTable, 'projectId' | 'windowId'>,
  format: PortalFormat,
): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${safe(table.projectId)}-${safe(table.windowId)}-ec-portal.${format}`;
}

/**
 * UTF-8 with a byte order mark, which Excel needs to read "–" and accented names right; quantities as
 * plain numbers (no thousands separator) so they paste and import as numbers; a text starting with
 * =, +, - or @ is escaped so no spreadsheet runs it as a formula (csv-stringify's escape_formulas).
 */
function renderCsv(table: PortalTable): Buffer {
  const text = stringify(
    table.rows.map((row) => portalRowCells(row).map((cell) => (cell === null ? '' : cell))),
    { header: true, columns: [...PORTAL_COLUMNS], escape_formulas: true, record_delimiter: 'windows' },
  );
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}

/** One sheet, "Installations", the portal's columns in order: quantities are numbers, texts never formulas. */
async function renderXlsx(table: PortalTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'va-assess';
  const sheet = workbook.addWorksheet('Installations', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PORTAL_COLUMNS.map((header, index) => ({
    header,
    key: `c${index}`,
    width: [18, 34, 44, 12, 20, 16, 40][index] ?? 20,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(portalRowCells(row));
  sheet.getColumn(5).numFmt = '#,##0.##';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The portal's Installations table as a file. */
export async function renderPortalTable(
  table: PortalTable,
  format: PortalFormat,
): Promise<RenderedPortalTable> {
  const bytes = format === 'csv' ? renderCsv(table) : await renderXlsx(table);
  return { bytes, contentType: PORTAL_CONTENT_TYPES[format], fileName: portalFileName(table, format) };
}
