import ExcelJS from 'exceljs';
import type { PortalTable } from '../../../functions/domain/portal/portal-table';
import { renderPortalTable } from '../../../functions/report/portal/render-portal';

/** A configuration text is whatever a coordinator typed: the file must carry it as text, never run it. */
const hostile: PortalTable = {
  projectId: 'demo',
  windowId: 'P1',
  windowLabel: 'P1 (M01–M06)',
  rows: [
    {
      installationId: 'cloud',
      beneficiary: '=HYPERLINK("https://evil.example","CSIC")',
      infrastructure: '+cmd|" /C calc"!A0',
      installation: 'Cloud, "Big" – CPU',
      accessType: 'Virtual',
      quantity: 1234.5,
      quantityText: '1,234.5',
      unit: 'CPU-hours',
      countries: ['ES', 'PT'],
      countriesText: 'ES, PT',
    },
  ],
};

describe('the portal table files', () => {
  it('escapes formula-looking texts in the CSV and quotes commas and quotes', async () => {
    const csv = Buffer.from((await renderPortalTable(hostile, 'csv')).bytes).toString('utf8');
    const line = csv.split('\r\n')[1] ?? '';
    expect(line).toContain(`"'=HYPERLINK(""https://evil.example"",""CSIC"")"`);
    expect(line).toContain(`'+cmd`);
    expect(line).toContain('"Cloud, ""Big"" – CPU"');
    expect(line).toContain(',1234.5,CPU-hours,"ES, PT"');
  });

  it('writes texts as texts and the quantity as a number in the workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const file = await renderPortalTable(hostile, 'xlsx');
    expect(file.fileName).toBe('demo-P1-ec-portal.xlsx');
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const row = workbook.getWorksheet('Installations')?.getRow(2);
    expect(row?.getCell(1).value).toBe('=HYPERLINK("https://evil.example","CSIC")');
    expect(row?.getCell(1).formula).toBeUndefined();
    expect(row?.getCell(5).value).toBe(1234.5);
  });
});
