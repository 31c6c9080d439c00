import { backgroundOf } from '../apps-script/colours';
import type { Spreadsheet } from '../workbook';
import { formattedValueOf } from '../workbook/cell';

/** One cell as the page draws it; absent keys mean Google's defaults (white, no note, clipped, editable). */
export interface CellView {
  text?: string;
  background?: string;
  note?: string;
  wrap?: true;
  bold?: true;
  /** A number: Sheets aligns it right unless the cell says otherwise. */
  number?: true;
  align?: string;
  /** Protected against the person acting: Sheets shows a locked cell and refuses the edit. */
  locked?: true;
}

export interface TabView {
  sheetId: number;
  title: string;
  frozenRows: number;
  frozenColumns: number;
  /** Pixel widths of the visible columns, with their 0-based index (hidden ones are left out). */
  columns: { index: number; width: number }[];
  rows: { index: number; height?: number; cells: CellView[] }[];
}

export interface SpreadsheetView {
  title: string;
  revision: number;
  tabs: { sheetId: number; title: string }[];
  tab: TabView;
}

/** Google Sheets' defaults: 100 px columns, 21 px rows. */
const DEFAULT_COLUMN_WIDTH = 100;
/** Rows past the last with data that the page still draws, as an empty sheet shows room to type. */
const SPARE_ROWS = 5;

function cellView(
  spreadsheet: Spreadsheet,
  email: string,
  at: { sheetId: number; row: number; column: number },
): CellView {
  const sheet = spreadsheet.sheetById(at.sheetId);
  const cell = sheet.getCell(at.row, at.column);
  const view: CellView = {};
  const entered = cell.userEnteredValue;
  const text =
    formattedValueOf(cell) ??
    (entered !== undefined && 'formulaValue' in entered ? entered.formulaValue : undefined);
  if (text !== undefined && text !== '') view.text = text;
  const background = backgroundOf(cell.userEnteredFormat);
  if (background !== '#ffffff') view.background = background;
  if (cell.note !== undefined && cell.note !== '') view.note = cell.note;
  if (cell.userEnteredFormat?.wrapStrategy === 'WRAP') view.wrap = true;
  if (cell.userEnteredFormat?.textFormat?.bold === true) view.bold = true;
  if (entered !== undefined && 'numberValue' in entered) view.number = true;
  const align = cell.userEnteredFormat?.horizontalAlignment;
  if (typeof align === 'string') view.align = align.toLowerCase();
  // Someone the file is not shared with may edit nothing; the others, what no protection keeps from them.
  const shared = spreadsheet.data.sharedWith.includes(email.toLowerCase());
  if (!shared || !spreadsheet.canEdit(email, at.sheetId, at.row, at.column)) view.locked = true;
  return view;
}

/**
 * What the page draws of one tab, as `email` sees it: visible rows and columns up to the last with
 * data (and a few spare rows), each cell's text as Sheets formats it, colours, notes, wrapping, and
 * whether that person may edit it. Hidden rows and columns are left out, as Sheets hides them.
 */
export function tabView(spreadsheet: Spreadsheet, sheetId: number, email: string): TabView {
  const sheet = spreadsheet.sheetById(sheetId);
  const data = sheet.data;
  const lastRow = Math.min(sheet.rowCount, Math.max(sheet.lastRowWithData() + 1, 0) + SPARE_ROWS);
  let lastColumn = 0;
  for (const row of data.rows.slice(0, lastRow)) lastColumn = Math.max(lastColumn, row.cells.length);
  lastColumn = Math.min(sheet.columnCount, Math.max(lastColumn, 10));
  const columns = data.columns
    .slice(0, lastColumn)
    .map((column, index) => ({
      index,
      width: column.pixelSize ?? DEFAULT_COLUMN_WIDTH,
      hidden: column.hiddenByUser,
    }))
    .filter((column) => column.hidden !== true)
    .map(({ index, width }) => ({ index, width }));
  const rows = data.rows.slice(0, lastRow).flatMap((row, index) =>
    row.hiddenByUser === true
      ? []
      : [
          {
            index,
            ...(row.pixelSize === undefined ? {} : { height: row.pixelSize }),
            cells: columns.map((column) =>
              cellView(spreadsheet, email, { sheetId, row: index, column: column.index }),
            ),
          },
        ],
  );
  return {
    sheetId,
    title: sheet.title,
    frozenRows: data.properties.gridProperties.frozenRowCount,
    frozenColumns: data.properties.gridProperties.frozenColumnCount,
    columns,
    rows,
  };
}

/**
 * The visible tabs, and the one asked for: by id, else by title (a tab made again, as after "Reset to
 * the example", has a new id), else the first visible.
 */
export function spreadsheetView(
  spreadsheet: Spreadsheet,
  email: string,
  revision: number,
  asked: { sheetId?: number; title?: string },
): SpreadsheetView {
  const visible = spreadsheet.sheets().filter((sheet) => sheet.data.properties.hidden !== true);
  const chosen =
    visible.find((sheet) => sheet.sheetId === asked.sheetId) ??
    visible.find((sheet) => sheet.title === asked.title) ??
    visible[0] ??
    spreadsheet.sheets()[0];
  if (chosen === undefined) throw new Error('the spreadsheet has no tab');
  return {
    title: spreadsheet.data.properties.title,
    revision,
    tabs: visible.map((sheet) => ({ sheetId: sheet.sheetId, title: sheet.title })),
    tab: tabView(spreadsheet, chosen.sheetId, email),
  };
}
