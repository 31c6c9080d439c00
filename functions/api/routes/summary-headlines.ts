import { formatNumber } from '../../domain/parsing/format-metric-value';
import type { BudgetUsage } from '../../domain/summary/budget-usage';
import type { WindowSummary } from '../../domain/summary/window-summary';

/** Figures are printed the report's way (662,547; 33.4), whatever locale partners type in. */
const REPORT_LOCALE = 'en-GB';
const amount = (value: number) => formatNumber(Math.round(value * 10) / 10, REPORT_LOCALE);

function headline(budget: BudgetUsage, windowLabel: string): string {
  if (!budget.hasMetrics) return `${budget.label}: no metric counts toward it, so its use is not measured`;
  const lowerBound = budget.complete ? '' : ' (values missing: a lower bound)';
  return (
    `${budget.label}: ${amount(budget.usedInWindow)} ${budget.unit} used in ${windowLabel}${lowerBound}; ` +
    `${Math.round(budget.availablePercent)}% of ${amount(budget.amount)} still available`
  );
}

/** One sentence per budget and budget group: what a person reading `curl` output looks for first. */
export function summaryHeadlines(summary: WindowSummary): string[] {
  return [...summary.budgets, ...summary.budgetGroups].map((budget) =>
    headline(budget, summary.window.label),
  );
}
