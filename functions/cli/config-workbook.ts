import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../domain/config/tables/cell-values';
import { HEADER_ROWS } from '../domain/config/tables/cell-values';
import { CONFIG_TAB_TITLES, CONFIG_TABS, type ConfigTabId } from '../domain/config/tables/config-columns';
import { configDropdowns } from '../domain/config/tables/config-dropdowns';
import { a1Of } from '../domain/config/tables/config-problems';
import type { ConfigGrids } from '../domain/config/tables/grids-to-config';
import { InputFileError } from './cli-errors';

/** Rows below the examples that still offer the dropdowns, for the rows a coordinator adds. */
const DROPDOWN_ROWS = 200;

function columnLetters(column: number): string {
  return a1Of({ row: 0, column }).replace(/\d+$/, '');
}

/** Excel's limit on a list typed into a validation rule, quotes included. */
const LIST_FORMULA_CHARACTERS = 255;

/**
 * A list validation's formula: `"a,b,c"`. A comma or a quote cannot be written inside it, and the
 * list stops at Excel's limit: a dropdown guides, the schema still reads whatever is typed.
 */
function listFormula(values: readonly string[]): string {
  const listed: string[] = [];
  for (const value of values.filter((candidate) => !/[",]/.test(candidate))) {
    if ([...listed, value].join(',').length + 2 > LIST_FORMULA_CHARACTERS) break;
    listed.push(value);
  }
  return `"${listed.join(',')}"`;
}

function addDropdowns(workbook: ExcelJS.Workbook, units: readonly string[]): void {
  for (const dropdown of configDropdowns(units)) {
    const sheet = workbook.getWorksheet(CONFIG_TAB_TITLES[dropdown.tab]);
    if (sheet === undefined) continue;
    let formula: string;
    if (dropdown.values !== undefined) formula = listFormula(dropdown.values);
    else if (dropdown.source !== undefined) {
      const letters = columnLetters(dropdown.source.column);
      formula = `'${CONFIG_TAB_TITLES[dropdown.source.tab]}'!$${letters}$${HEADER_ROWS + 1}:$${letters}$${DROPDOWN_ROWS}`;
    } else continue;
    for (let row = HEADER_ROWS + 1; row <= DROPDOWN_ROWS; row += 1) {
      // A dropdown guides; a value outside it is still read, and the schema says what is wrong with it.
      sheet.getCell(row, dropdown.column + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: false,
      };
    }
  }
}

/** The configuration tabs as an .xlsx workbook: one worksheet per tab, header rows bold and frozen. */
export async function writeConfigWorkbook(
  grids: Record<ConfigTabId, Grid>,
  path: string,
  units: readonly string[],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const tab of CONFIG_TABS) {
    const sheet = workbook.addWorksheet(CONFIG_TAB_TITLES[tab], {
      views: [{ state: 'frozen', ySplit: HEADER_ROWS }],
    });
    for (const row of grids[tab]) sheet.addRow(row.map((cell) => cell ?? null));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(2).font = { italic: true };
    sheet.columns.forEach((column) => {
      column.width = 24;
    });
  }
  addDropdowns(workbook, units);
  await workbook.xlsx.writeFile(path);
}

/** A workbook cell as the mapping reads it: rich text, links and formulas by what they show. */
function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // A date typed into Excel is a calendar date: the configuration writes it as yyyy-mm-dd.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
  return null;
}

function gridOf(sheet: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cells[columnNumber - 1] = plainValue(cell.value);
    });
    grid[rowNumber - 1] = Array.from(cells, (cell) => cell ?? null);
  });
  return Array.from(grid, (row) => row ?? []);
}

/** The configuration tabs of a workbook, by their titles; a tab it lacks is left out (the mapping says so). */
export async function readConfigWorkbook(path: string): Promise<ConfigGrids> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new InputFileError(path, `not a readable .xlsx workbook (${(error as Error).message})`);
  }
  const grids: ConfigGrids = {};
  for (const tab of CONFIG_TABS) {
    const sheet = workbook.getWorksheet(CONFIG_TAB_TITLES[tab]);
    if (sheet !== undefined) grids[tab] = gridOf(sheet);
  }
  return grids;
}
