import { monthName } from '../calendar/reporting-period';
import type { DraftFormat } from '../drafts/draft-format';
import type { BudgetPace, BudgetUsage } from '../summary/budget-usage';
import type { WindowSummary } from '../summary/window-summary';
import type { ReportTable } from './report-model';

/** Projections print as `va-assess summary` does: to one decimal (100.2 TB-month; 1,987,641 CPU-hours). */
export function projectionText(value: number, format: DraftFormat): string {
  return format.number(Math.round(value * 10) / 10);
}

const PACE_WORDS: Record<BudgetPace, string> = {
  ahead: 'ahead of pro rata',
  'on-track': 'on pro rata',
  behind: 'behind pro rata',
};

/** Budgets, then the groups the executive summary reports together ("CPU and GPU-hours"). */
function reported(summary: WindowSummary): BudgetUsage[] {
  return [...summary.budgets, ...summary.budgetGroups];
}

/** "CPU-hours: 662,547 CPU-hours used in PY1 (M01–M12); 11% of 6,000,000 used to date, 89% still available; ..." */
export function budgetKeyFigures(summary: WindowSummary, format: DraftFormat): string[] {
  const end = monthName(summary.durationMonths);
  return reported(summary).map((budget) => {
    const scope = budget.scope === 'group' ? ' (together)' : '';
    if (!budget.hasMetrics)
      return `${budget.label}${scope}: no metric counts toward it, so its use is not measured`;
    const lowerBound = budget.complete ? '' : ' (values missing: a lower bound)';
    return (
      `${budget.label}${scope}: ${format.number(budget.usedInWindow)} ${budget.unit} used in ${summary.window.label}${lowerBound}; ` +
      `${format.number(budget.usedCumulative)} of ${format.number(budget.amount)} used to date (${format.percent(budget.usedPercent)}), ` +
      `${format.percent(budget.availablePercent)} still available; ${PACE_WORDS[budget.pace]} ` +
      `(${format.percent(budget.usedPercent)} used after ${format.percent(budget.elapsedShare * 100)} of the time), ` +
      `projected ${projectionText(budget.projectedAtEnd, format)} ${budget.unit} by ${end} (${format.percent(budget.projectedPercent)})`
    );
  });
}

/** The executive summary's table of budgets: the same figures as the key figure lines. */
export function budgetTable(summary: WindowSummary, format: DraftFormat): ReportTable {
  const end = monthName(summary.durationMonths);
  return {
    header: [
      'Budget',
      'Budgeted',
      `Used in ${summary.window.id}`,
      'Used to date',
      'Used',
      'Still available',
      'Pace',
      `Projected by ${end}`,
    ],
    rows: reported(summary).map((budget) => {
      const label = `${budget.label}${budget.scope === 'group' ? ' (together)' : ''} [${budget.unit}]`;
      if (!budget.hasMetrics)
        return [label, format.number(budget.amount), 'not measured', '', '', '', '', ''];
      return [
        label,
        format.number(budget.amount),
        format.number(budget.usedInWindow),
        format.number(budget.usedCumulative),
        format.percent(budget.usedPercent),
        format.percent(budget.availablePercent),
        PACE_WORDS[budget.pace],
        `${projectionText(budget.projectedAtEnd, format)} (${format.percent(budget.projectedPercent)})`,
      ];
    }),
  };
}
