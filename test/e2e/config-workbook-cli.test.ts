import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { projectConfigSchema } from '../../functions/domain/config/project-config-schema';
import { exampleConfigBody } from '../fixtures/example-config';
import { runVaAssess } from './run-cli';

const folder = mkdtempSync(join(tmpdir(), 'va-assess-config-'));

function exportExample(name: string): string {
  const out = join(folder, name);
  const run = runVaAssess(['config', '--example', 'imagine-py1', '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return out;
}

async function columnOf(sheet: ExcelJS.Worksheet, header: string): Promise<number> {
  let found = -1;
  sheet.getRow(1).eachCell((cell, column) => {
    if (cell.value === header) found = column;
  });
  if (found < 0) throw new Error(`no column "${header}" in ${sheet.name}`);
  return found;
}

describe('va-assess config', () => {
  it('exports the example to a workbook and reads it back deep-equal to the original', () => {
    const workbook = exportExample('example.xlsx');
    const out = join(folder, 'example.json');
    const run = runVaAssess(['config', '--workbook', workbook, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { $schema: _schema, ...original } = projectConfigSchema.parse(exampleConfigBody());
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(original);
  });

  it('writes tabs with a header row and dropdowns a spreadsheet program offers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(exportExample('dropdowns.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Project',
      'Budgets',
      'Budget groups',
      'Installations',
      'Metric definitions',
    ]);
    const metrics = workbook.getWorksheet('Metric definitions') as ExcelJS.Worksheet;
    const kind = await columnOf(metrics, 'Kind');
    expect(metrics.getCell(3, kind).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"hours,tb-month,count,country-list,country-count"'],
    });
    const countsToward = await columnOf(metrics, 'Counts toward');
    expect(metrics.getCell(40, countsToward).dataValidation?.formulae).toEqual(["'Budgets'!$A$3:$A$200"]);
    // Units: the common ones and the project's own, offered, not imposed.
    const unit = await columnOf(metrics, 'Unit');
    expect(metrics.getCell(3, unit).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"CPU-hours,GPU-hours,TB-month,users,countries,AI models,CPU+GPU-hours,AI applications"'],
    });
    // Written without an error message: the spreadsheet program lets another unit be typed.
    expect(metrics.getCell(3, unit).dataValidation?.showErrorMessage).toBeFalsy();
    const budgets = workbook.getWorksheet('Budgets') as ExcelJS.Worksheet;
    expect(budgets.getCell(3, await columnOf(budgets, 'Unit')).dataValidation?.type).toBe('list');
  });

  it('refuses a workbook with mistakes, naming each tab and cell, and writes nothing', async () => {
    const path = exportExample('mistakes.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const installations = workbook.getWorksheet('Installations') as ExcelJS.Worksheet;
    installations.getCell(3, await columnOf(installations, 'Name')).value = null;
    const metrics = workbook.getWorksheet('Metric definitions') as ExcelJS.Worksheet;
    const kindColumn = await columnOf(metrics, 'Kind');
    metrics.getCell(4, kindColumn).value = 'hour';
    await workbook.xlsx.writeFile(path);
    const out = join(folder, 'mistakes.json');
    const run = runVaAssess(['config', '--workbook', path, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'Installations!B3: Installation ai-development, Name: is required (the cell is empty)',
    );
    expect(run.stderr).toMatch(
      /Metric definitions!D4: Installation ai-development, metric "models-trained", Kind: .*"hours".*\(found "hour"\)/,
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it("starts from last year's configuration file, and reads a start date Excel typed as a date", async () => {
    const lastYear = join(__dirname, '..', '..', 'examples', 'imagine-py1', 'config.json');
    const path = join(folder, 'last-year.xlsx');
    const exported = runVaAssess(['config', '--config', lastYear, '--out', path]);
    expect(exported.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const project = workbook.getWorksheet('Project') as ExcelJS.Worksheet;
    let startRow = -1;
    project.eachRow((row, number) => {
      if (row.getCell(1).value === 'Start date') startRow = number;
    });
    project.getCell(startRow, 2).value = new Date(Date.UTC(2025, 0, 1));
    project.getCell(startRow + 3, 2).value = { richText: [{ text: 'Europe/' }, { text: 'Madrid' }] };
    await workbook.xlsx.writeFile(path);
    const imported = runVaAssess(['config', '--workbook', path]);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout).project).toMatchObject({
      startDate: '2025-01-01',
      timeZone: 'Europe/Madrid',
    });
  });
});
