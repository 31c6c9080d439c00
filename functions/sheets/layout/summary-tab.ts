import { formatMetricValue } from '../../domain/parsing/format-metric-value';
import type { BudgetUsage } from '../../domain/summary/budget-usage';
import type { InstallationSummary } from '../../domain/summary/installation-summary';
import { reportedProjection, toReportedPrecision } from '../../domain/summary/report-amount';
import { reportedBudgets } from '../../domain/summary/reported-budgets';
import type { WindowSummary } from '../../domain/summary/window-summary';
import { ANCHOR_KEYS } from './anchors';
import { BOLD, type CellData, numberCell, type Request, textCell, titleAndWidths } from './sheet-requests';
import type { TabSnapshot } from './sheet-snapshot';
import type { TabModule } from './tab-module';
import { planWindowBlock } from './window-block';

/** Widest table of a block: the budget table. */
export const SUMMARY_COLUMN_COUNT = 10;
const COLUMN_WIDTHS = [300, 160, 120, 130, 130, 90, 110, 90, 130, 150];
export const SUMMARY_TAB_TITLE_TEXT = 'Summaries written by va-assess: one block per reporting window';

const BUDGET_HEADERS = [
  'Budget',
  'Unit',
  'Budgeted',
  'Used in window',
  'Used to date',
  '% used',
  '% available',
  'Pace',
  'Projected at end',
  'Projected % of budget',
];
const INSTALLATION_HEADERS = [
  'Installation',
  'Task',
  'Usage',
  'Used in window',
  'Users',
  'Countries',
  'Values missing',
];

const amountPattern = (value: number) => (Number.isInteger(value) ? '#,##0' : '#,##0.0');
const rounded = (value: number): CellData => numberCell(value, amountPattern(value));
const amount = (value: number): CellData => rounded(toReportedPrecision(value));
const percent = (value: number): CellData => numberCell(value / 100, '0%', 'PERCENT');

function budgetRow(budget: BudgetUsage): CellData[] {
  if (!budget.hasMetrics) {
    return [textCell(budget.label), textCell(budget.unit), amount(budget.amount), textCell('not measured')];
  }
  return [
    textCell(budget.label),
    textCell(budget.unit),
    amount(budget.amount),
    amount(budget.usedInWindow),
    amount(budget.usedCumulative),
    percent(budget.usedPercent),
    percent(budget.availablePercent),
    textCell(budget.pace),
    rounded(reportedProjection(budget)),
    percent(budget.projectedPercent),
  ];
}

function installationRow(installation: InstallationSummary): CellData[] {
  const usage = installation.metrics
    .filter((metric) => metric.isUsage && metric.aggregate !== null)
    .map(
      (metric) =>
        `${metric.aggregate === null ? '' : formatMetricValue(metric.aggregate, 'en-GB')} ${metric.unit}`,
    )
    .join('; ');
  return [
    textCell(installation.name),
    textCell(installation.task),
    textCell(installation.usage),
    textCell(usage),
    textCell(
      installation.users?.value === null || installation.users === null
        ? ''
        : String(installation.users.value),
    ),
    textCell(installation.countries === null ? '' : installation.countries.codes.join(', ')),
    installation.missingCount === 0 ? textCell('none') : numberCell(installation.missingCount, '0'),
  ];
}

/** The rows of one window's block, its first row carrying the window anchor, its last one blank. */
export function summaryBlockRows(summary: WindowSummary, headlines: readonly string[]): CellData[][] {
  return [
    [textCell(`Summary of ${summary.window.label}`, BOLD)],
    [textCell(`As of ${summary.asOf}`)],
    ...headlines.map((headline) => [textCell(headline)]),
    [],
    BUDGET_HEADERS.map((header) => textCell(header, BOLD)),
    ...reportedBudgets(summary).map(budgetRow),
    [],
    INSTALLATION_HEADERS.map((header) => textCell(header, BOLD)),
    ...summary.installations.map(installationRow),
    [],
  ];
}

/** Columns widths and the title row of a Summary tab just created. */
export function summaryTabSetup(sheetId: number): Request[] {
  return titleAndWidths(sheetId, SUMMARY_TAB_TITLE_TEXT, COLUMN_WIDTHS);
}

/** Writes a window's Summary block, replacing the one already there (see planWindowBlock). */
export function planSummaryBlock(
  tab: TabSnapshot,
  summary: WindowSummary,
  headlines: readonly string[],
): Request[] {
  return planWindowBlock(tab, summary.window.id, summaryBlockRows(summary, headlines));
}

/** The Summary tab: one block per reporting window, written by its write-back; setup creates it. */
export const summaryTab: TabModule<'summary'> = {
  role: 'summary',
  title: 'Summary',
  columnCount: SUMMARY_COLUMN_COUNT,
  anchors: [ANCHOR_KEYS.windowBlock],
  protection: 'generated',
  whenCreated: summaryTabSetup,
  createdBySetup: true,
};
