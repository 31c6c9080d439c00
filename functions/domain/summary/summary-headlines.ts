import { budgetSentence } from './budget-sentence';
import { reportAmount } from './report-amount';
import { reportedBudgets } from './reported-budgets';
import { unconfiguredSentence } from './unconfigured-values';
import type { WindowSummary } from './window-summary';

/** One sentence per budget and budget group: what a person reading `curl` output looks for first. */
export function summaryHeadlines(summary: WindowSummary): string[] {
  const unconfigured = unconfiguredSentence(summary.completeness.unconfigured, reportAmount);
  const budgets = reportedBudgets(summary).map((budget) =>
    budgetSentence(
      budget.label,
      budget,
      summary.window.label,
      reportAmount,
      (measured) =>
        `${Math.round(measured.availablePercent)}% of ${reportAmount(measured.amount)} still available`,
    ),
  );
  return unconfigured === null ? budgets : [...budgets, unconfigured];
}
