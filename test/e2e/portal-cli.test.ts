import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ReportModel } from '../../functions/domain/report/report-model';
import { convertWithLibreOffice } from '../support/libreoffice';
import { runVaAssess } from './run-cli';

const COLUMNS = [
  'Access provider (beneficiary)',
  'Infrastructure',
  'Installation',
  'Access type',
  'Quantity of access',
  'Unit of access',
  "Users' countries",
];

function write(folder: string, format: 'csv' | 'xlsx'): string {
  const out = join(folder, `portal.${format}`);
  const run = runVaAssess([
    'portal',
    '--example',
    'imagine-py1',
    '--period',
    'PY1',
    '--format',
    format,
    '--out',
    out,
  ]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('11 installation row(s) for PY1');
  return out;
}

describe('va-assess portal on the D4.2 example', () => {
  const folder = mkdtempSync(join(tmpdir(), 'va-portal-'));

  it("writes a CSV of 11 rows whose quantities and countries are the PY1 report's, and a workbook LibreOffice opens with the same rows", () => {
    const csvText = readFileSync(write(folder, 'csv'), 'utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(csvText, { bom: true });
    expect(rows[0]).toEqual(COLUMNS);
    const body = rows.slice(1);
    expect(body).toHaveLength(11);

    // The report of the same window, as the same command line builds it.
    const report = JSON.parse(
      runVaAssess(['report', '--example', 'imagine-py1', '--period', 'PY1', '--json']).stdout,
    ) as ReportModel;
    for (const [beneficiary, , installation, accessType, quantity, unit, countries] of body) {
      const section = report.installations.find((item) => item.name === installation);
      const windowColumn = (section?.metrics.rows ?? []).map((row) => row.at(-1) ?? '');
      const printed = new Intl.NumberFormat('en', { maximumFractionDigits: 6 }).format(Number(quantity));
      expect([installation, windowColumn]).toEqual([installation, expect.arrayContaining([printed])]);
      expect([installation, windowColumn]).toEqual([
        installation,
        expect.arrayContaining([countries === '' ? 'none' : countries]),
      ]);
      expect(beneficiary).not.toBe('');
      expect(accessType).toBe('Virtual');
      expect(unit).not.toBe('');
    }
    expect(body.find((row) => row[2] === 'IFCA-CSIC Scientific Cloud – CPU')?.[4]).toBe('488544');

    const xlsx = write(folder, 'xlsx');
    // 76 is UTF-8, the last false: numbers as stored, not as formatted.
    convertWithLibreOffice(xlsx, {
      to: 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false',
      folder,
      outDir: join(folder, 'converted'),
      timeoutMs: 60_000,
    });
    const converted: string[][] = parse(readFileSync(join(folder, 'converted', 'portal.csv'), 'utf8'), {
      bom: true,
    });
    expect(converted).toEqual(rows);
  }, 120_000);

  it('says which fields the configuration lacks', () => {
    const config = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'examples', 'imagine-py1', 'config.json'), 'utf8'),
    );
    delete config.installations[2].portal;
    const path = join(folder, 'config.json');
    writeFileSync(path, JSON.stringify(config));
    const values = join(__dirname, '..', '..', 'examples', 'imagine-py1', 'metrics.csv');
    const run = runVaAssess(['portal', '--config', path, '--values', values, '--period', 'PY1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'installations["ifca-cpu"].portal.beneficiary: missing for IFCA-CSIC Scientific Cloud – CPU',
    );
  });
});
