import { monthName } from '../calendar/reporting-period';
import type { DraftFormat } from '../drafts/draft-format';
import { budgetSentence } from '../summary/budget-sentence';
import type { BudgetPace, BudgetUsage } from '../summary/budget-usage';
import { reportedProjection } from '../summary/report-amount';
import { reportedBudgets } from '../summary/reported-budgets';
import type { WindowSummary } from '../summary/window-summary';
import type { ReportTable } from './report-model';

/** Projections print as `va-assess summary` does: as precise as the use they extrapolate (100.2 TB-month; 993,821 CPU-hours). */
export function projectionText(
  budget: Pick<BudgetUsage, 'projectedAtEnd' | 'usedCumulative'>,
  format: DraftFormat,
): string {
  return format.number(reportedProjection(budget));
}

const PACE_WORDS: Record<BudgetPace, string> = {
  ahead: 'ahead of pro rata',
  'on-track': 'on pro rata',
  behind: 'behind pro rata',
};

/** A group's figures are its budgets' together: "CPU and GPU-hours (together)". */
const reportLabel = (budget: BudgetUsage): string =>
  `${budget.label}${budget.scope === 'group' ? ' (together)' : ''}`;

/** "CPU-hours: 662,547 CPU-hours used in PY1 (M01–M12); 11% of 6,000,000 used to date, 89% still available; ..." */
export function budgetKeyFigures(summary: WindowSummary, format: DraftFormat): string[] {
  const end = monthName(summary.durationMonths);
  return reportedBudgets(summary).map((budget) =>
    budgetSentence(
      reportLabel(budget),
      budget,
      summary.window.label,
      format.number,
      (measured) =>
        `${format.number(measured.usedCumulative)} of ${format.number(measured.amount)} used to date (${format.percent(measured.usedPercent)}), ` +
        `${format.percent(measured.availablePercent)} still available; ${PACE_WORDS[measured.pace]} ` +
        `(${format.percent(measured.usedPercent)} used after ${format.percent(measured.elapsedShare * 100)} of the time), ` +
        `projected ${projectionText(measured, format)} ${measured.unit} by ${end} (${format.percent(measured.projectedPercent)})`,
    ),
  );
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
      '% used',
      '% still available',
      'Pace',
      `Projected by ${end}`,
    ],
    rows: reportedBudgets(summary).map((budget) => {
      // "CPU-hours" names its unit already; "storage" needs "[TB-month]".
      const label = budget.label.includes(budget.unit)
        ? reportLabel(budget)
        : `${reportLabel(budget)} [${budget.unit}]`;
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
        `${projectionText(budget, format)} (${format.percent(budget.projectedPercent)})`,
      ];
    }),
  };
}
