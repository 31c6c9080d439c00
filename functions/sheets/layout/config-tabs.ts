import type { sheets_v4 } from '@googleapis/sheets';
import { type CellValue, type Grid, HEADER_ROWS } from '../../domain/config/tables/cell-values';
import { CONFIG_TAB_TITLES, CONFIG_TABS, type ConfigTabId } from '../../domain/config/tables/config-columns';
import { configDropdowns, unitChoices } from '../../domain/config/tables/config-dropdowns';
import { a1Of } from '../../domain/config/tables/config-problems';
import { configToGrids } from '../../domain/config/tables/config-to-grids';
import {
  appendColumns,
  appendRows,
  BOLD,
  type CellData,
  columnWidth,
  freezeRows,
  type Request,
  TEXT_FORMAT,
  WRAPPED,
  writeCells,
} from './sheet-requests';
import type { TabSnapshot } from './sheet-snapshot';
import type { TabModule } from './tab-module';

/** Blank rows under the examples that still offer the dropdowns, for the rows a coordinator adds. */
const ROWS_TO_ADD = 50;
const COLUMN_WIDTH = 180;

/** The tab anchor of each configuration tab: how Apply configuration finds it whatever its title. */
export const CONFIG_TAB_ROLES = {
  project: 'config-project',
  budgets: 'config-budgets',
  budgetGroups: 'config-budget-groups',
  installations: 'installations',
  metrics: 'config-metrics',
} as const satisfies Record<ConfigTabId, string>;
export type ConfigTabRole = (typeof CONFIG_TAB_ROLES)[ConfigTabId];

function cellOf(value: CellValue, format?: sheets_v4.Schema$CellFormat): CellData {
  const formatted = format === undefined ? {} : { userEnteredFormat: format };
  if (value === null) return formatted;
  // Text stays text ("30", "=x" or "+1" are never a number or a formula), as the workbook keeps it.
  if (typeof value === 'string') return { userEnteredValue: { stringValue: value }, ...formatted };
  if (typeof value === 'number') return { userEnteredValue: { numberValue: value }, ...formatted };
  return { userEnteredValue: { boolValue: value }, ...formatted };
}

/**
 * The dropdowns of a tab: ONE_OF_LIST for fixed sets, ONE_OF_RANGE for ids listed in another tab.
 * Not strict: a value outside the list is still typed, and Apply configuration says what is wrong
 * with it on its cell (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#ConditionType).
 */
function dropdowns(tab: ConfigTabId, sheetId: number, rowCount: number, units: readonly string[]): Request[] {
  return configDropdowns(units)
    .filter((dropdown) => dropdown.tab === tab)
    .map((dropdown): Request => {
      const condition: sheets_v4.Schema$BooleanCondition =
        dropdown.values !== undefined
          ? { type: 'ONE_OF_LIST', values: dropdown.values.map((value) => ({ userEnteredValue: value })) }
          : {
              type: 'ONE_OF_RANGE',
              values: [{ userEnteredValue: sourceRange(dropdown.source) }],
            };
      return {
        setDataValidation: {
          range: {
            sheetId,
            startRowIndex: HEADER_ROWS,
            endRowIndex: rowCount,
            startColumnIndex: dropdown.column,
            endColumnIndex: dropdown.column + 1,
          },
          rule: { condition, strict: false, showCustomUi: true },
        },
      };
    });
}

function sourceRange(source: { tab: ConfigTabId; column: number } | undefined): string {
  if (source === undefined) return '';
  const column = a1Of({ row: 0, column: source.column }).replace(/\d+$/, '');
  return `='${CONFIG_TAB_TITLES[source.tab]}'!${column}${HEADER_ROWS + 1}:${column}`;
}

/**
 * Header rows bold, explanations italic; a text value is formatted as text, so that retyping a date
 * ("2025-01-01") or a code ("2020") keeps it as typed instead of Sheets turning it into a number.
 */
function formatOf(row: number, value: CellValue): sheets_v4.Schema$CellFormat | undefined {
  if (row === 0) return BOLD;
  if (row === 1) return { ...WRAPPED, textFormat: { italic: true } };
  return typeof value === 'string' ? TEXT_FORMAT : undefined;
}

/**
 * What a configuration tab receives when it is written whole: room for the grid and the rows a
 * coordinator adds, its grid, header rows, widths and dropdowns (`units`: what unit columns offer).
 * `clear` empties what the tab held.
 */
export function writeConfigGrid(
  tab: ConfigTabId,
  sheet: Pick<TabSnapshot, 'sheetId' | 'rowCount' | 'columnCount'>,
  grid: Grid,
  options: { clear: boolean; units: readonly string[] },
): Request[] {
  const { clear, units } = options;
  const { sheetId } = sheet;
  const rowCount = Math.max(grid.length + ROWS_TO_ADD, sheet.rowCount);
  const columns = Math.max(...grid.map((row) => row.length));
  const rows = grid.map((row, index) => row.map((value) => cellOf(value, formatOf(index, value))));
  return [
    ...(sheet.columnCount < columns ? [appendColumns(sheetId, columns - sheet.columnCount)] : []),
    ...(sheet.rowCount < rowCount ? [appendRows(sheetId, rowCount - sheet.rowCount)] : []),
    ...(clear
      ? [{ updateCells: { range: { sheetId }, fields: 'userEnteredValue,userEnteredFormat,note' } }]
      : []),
    writeCells(sheetId, 0, 0, rows, 'userEnteredValue,userEnteredFormat'),
    freezeRows(sheetId, HEADER_ROWS),
    ...Array.from({ length: columns }, (_, column) => columnWidth(sheetId, column, COLUMN_WIDTH)),
    ...dropdowns(tab, sheetId, rowCount, units),
  ];
}

/** The header of the Installations tab setup generated before the configuration tabs replaced it. */
const GENERATED_INSTALLATIONS_HEADER = 'Installation';

/**
 * A spreadsheet set up before the configuration tabs has a generated Installations tab under the
 * same anchor: it held no person's work (it was protected and rewritten by every setup), so it is
 * replaced by the configuration's Installations tab.
 */
function isGeneratedInstallationsTab(tab: ConfigTabId, snapshot: TabSnapshot): boolean {
  return tab === 'installations' && snapshot.cells[0]?.[0] === GENERATED_INSTALLATIONS_HEADER;
}

function configTab(tab: ConfigTabId): TabModule<ConfigTabRole> {
  return {
    role: CONFIG_TAB_ROLES[tab],
    title: CONFIG_TAB_TITLES[tab],
    columnCount: 1,
    anchors: [],
    // Coordinators (and the service account) change the configuration; partners read it.
    protection: 'generated',
    createdBySetup: true,
    // Written whole when created, from the stored configuration; after that it is the coordinator's
    // working copy, read by Apply configuration, and kept (they may be mid-edit) unless the backend's
    // record says it was written from an older revision than the stored one: then it is rewritten.
    plan: (planned, context) => {
      const stale = !planned.created && context.rewriteConfigTabs === true;
      const replaced = !planned.created && (stale || isGeneratedInstallationsTab(tab, planned.tab));
      if (!planned.created && !replaced) return { requests: [] };
      const grid = configToGrids(context.config)[tab];
      return {
        requests: writeConfigGrid(tab, planned.tab, grid, {
          clear: replaced,
          units: unitChoices(context.config),
        }),
      };
    },
  };
}

/** The configuration tabs, in the order a coordinator fills them. */
export const CONFIG_TAB_MODULES: readonly TabModule<ConfigTabRole>[] = CONFIG_TABS.map(configTab);
