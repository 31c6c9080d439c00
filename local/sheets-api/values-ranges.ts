import type { sheets_v4 } from '@googleapis/sheets';
import {
  type Cell,
  formatA1,
  formattedValueOf,
  type GridRect,
  parseA1,
  type Sheet,
  type Spreadsheet,
  type UserEnteredValue,
  WorkbookError,
} from '../workbook';
import { checkCanEdit } from './batch-update/request-context';
import { invalidArgument } from './sheets-api-error';

type CellValue = string | number | boolean;

/** An A1 range of the values endpoints, made concrete and checked against the grid. */
export function resolveA1(
  spreadsheet: Spreadsheet,
  text: string,
): { sheet: Sheet; rect: GridRect; a1: string } {
  let parsed: ReturnType<typeof parseA1>;
  try {
    parsed = parseA1(text);
  } catch (error) {
    if (error instanceof WorkbookError) throw invalidArgument(error.message);
    throw error;
  }
  const sheet =
    parsed.sheetTitle === undefined
      ? (spreadsheet.sheets().find((candidate) => !candidate.data.properties.hidden) ??
        spreadsheet.sheets()[0])
      : spreadsheet.findSheetByTitle(parsed.sheetTitle);
  if (sheet === undefined) throw invalidArgument(`Unable to parse range: ${text}`);
  const rect = sheet.rectWithin(parsed);
  try {
    sheet.checkRect(rect);
  } catch (error) {
    if (error instanceof WorkbookError) throw invalidArgument(error.message);
    throw error;
  }
  return { sheet, rect, a1: formatA1(sheet.title, rect) };
}

function rendered(cell: Cell, option: string): CellValue | undefined {
  const value = cell.userEnteredValue;
  if (value === undefined) return undefined;
  if ('formulaValue' in value) {
    // Formulas are never evaluated locally: they have no value to render, only their text.
    return option === 'FORMULA' ? value.formulaValue : undefined;
  }
  if (option === 'FORMATTED_VALUE') return formattedValueOf(cell);
  if ('stringValue' in value) return value.stringValue;
  if ('numberValue' in value) return value.numberValue;
  return value.boolValue;
}

const RENDER_OPTIONS = ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'];

export function majorDimensionOf(value: string | undefined | null): 'ROWS' | 'COLUMNS' {
  const dimension = value ?? 'ROWS';
  if (dimension !== 'ROWS' && dimension !== 'COLUMNS') {
    throw invalidArgument(`Invalid value for majorDimension: "${dimension}" (ROWS or COLUMNS expected).`);
  }
  return dimension;
}

const transpose = <T>(grid: T[][]): T[][] => {
  const width = Math.max(0, ...grid.map((line) => line.length));
  return Array.from({ length: width }, (_, c) => grid.map((line) => line[c] as T));
};

/** Trailing empty rows and cells are left out, and empty cells inside are "", as Google does. */
export function readValues(
  spreadsheet: Spreadsheet,
  range: string,
  options: { valueRenderOption?: string | undefined; majorDimension?: string | undefined },
): sheets_v4.Schema$ValueRange {
  const render = options.valueRenderOption ?? 'FORMATTED_VALUE';
  if (!RENDER_OPTIONS.includes(render)) {
    throw invalidArgument(
      `Invalid value for valueRenderOption: "${render}" (${RENDER_OPTIONS.join(', ')} expected).`,
    );
  }
  const majorDimension = majorDimensionOf(options.majorDimension);
  const { sheet, rect, a1 } = resolveA1(spreadsheet, range);
  let grid: (CellValue | undefined)[][] = [];
  for (let row = rect.startRow; row < rect.endRow; row += 1) {
    const line: (CellValue | undefined)[] = [];
    for (let column = rect.startColumn; column < rect.endColumn; column += 1) {
      line.push(rendered(sheet.getCell(row, column), render));
    }
    grid.push(line);
  }
  if (majorDimension === 'COLUMNS') grid = transpose(grid);
  const trimmed = grid.map((line) => {
    const copy = [...line];
    while (copy.length > 0 && copy[copy.length - 1] === undefined) copy.pop();
    return copy.map((value) => value ?? '');
  });
  while (trimmed.length > 0 && (trimmed[trimmed.length - 1] ?? []).length === 0) trimmed.pop();
  const result: sheets_v4.Schema$ValueRange = { range: a1, majorDimension };
  if (trimmed.length > 0) result.values = trimmed;
  return result;
}

/**
 * USER_ENTERED parses what a person would type: "=..." is a formula, a plain number a number,
 * TRUE/FALSE a boolean, a leading apostrophe forces text. RAW stores strings as strings. Dates,
 * percentages and currencies are not parsed locally: they stay text.
 */
export function enteredValue(
  value: unknown,
  inputOption: 'RAW' | 'USER_ENTERED',
  at: string,
): UserEnteredValue | undefined {
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value !== 'string')
    throw invalidArgument(
      `Invalid value at '${at}': ${JSON.stringify(value)} (string, number or boolean expected).`,
    );
  if (value === '') return undefined;
  if (inputOption === 'RAW') return { stringValue: value };
  if (value.startsWith("'")) return { stringValue: value.slice(1) };
  if (value.startsWith('=')) return { formulaValue: value };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim())) return { numberValue: Number(value) };
  if (/^(true|false)$/i.test(value.trim())) return { boolValue: value.trim().toLowerCase() === 'true' };
  return { stringValue: value };
}

export function inputOptionOf(value: string | undefined | null): 'RAW' | 'USER_ENTERED' {
  if (value === undefined || value === null || value === '') {
    throw invalidArgument("'valueInputOption' is required but not specified");
  }
  if (value !== 'RAW' && value !== 'USER_ENTERED') {
    throw invalidArgument(`Invalid value for valueInputOption: "${value}" (RAW or USER_ENTERED expected).`);
  }
  return value;
}

/** Writes from the range's top-left; null leaves a cell as it is, "" empties it. */
export function writeValues(
  spreadsheet: Spreadsheet,
  caller: string,
  range: string,
  body: sheets_v4.Schema$ValueRange,
  inputOption: 'RAW' | 'USER_ENTERED',
): sheets_v4.Schema$UpdateValuesResponse {
  const { sheet, rect } = resolveA1(spreadsheet, range);
  if (
    body.range != null &&
    body.range !== range &&
    resolveA1(spreadsheet, body.range).a1 !== resolveA1(spreadsheet, range).a1
  ) {
    throw invalidArgument(
      `Requested writing within range [${range}], but the body names range [${body.range}].`,
    );
  }
  let grid = (body.values ?? []) as unknown[][];
  if (majorDimensionOf(body.majorDimension) === 'COLUMNS') grid = transpose(grid);
  const rows = grid.length;
  const columns = Math.max(0, ...grid.map((line) => line.length));
  if (rows > rect.endRow - rect.startRow || columns > rect.endColumn - rect.startColumn) {
    throw invalidArgument(
      `Requested writing within range [${range}], but tried writing ${rows} rows and ${columns} columns into it.`,
    );
  }
  const written: GridRect = {
    sheetId: sheet.sheetId,
    startRow: rect.startRow,
    endRow: rect.startRow + rows,
    startColumn: rect.startColumn,
    endColumn: rect.startColumn + columns,
  };
  try {
    checkCanEdit({ spreadsheet, caller }, written);
  } catch (error) {
    if (error instanceof WorkbookError) throw invalidArgument(error.message);
    throw error;
  }
  let cells = 0;
  grid.forEach((line, r) => {
    line.forEach((value, c) => {
      if (value === null || value === undefined) return;
      sheet.setValue(
        rect.startRow + r,
        rect.startColumn + c,
        enteredValue(value, inputOption, `data.values[${r}][${c}]`),
      );
      cells += 1;
    });
  });
  const response: sheets_v4.Schema$UpdateValuesResponse = { spreadsheetId: spreadsheet.id };
  if (rows > 0 && columns > 0) {
    response.updatedRange = formatA1(sheet.title, written);
    response.updatedRows = rows;
    response.updatedColumns = columns;
    response.updatedCells = cells;
  }
  return response;
}
