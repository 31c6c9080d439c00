import type { BudgetUsage } from './budget-usage';
import type { WindowSummary } from './window-summary';

/**
 * A group of one budget (the example's "storage") is made of that budget's contributions and amount:
 * its figures are the budget's, whatever the group is called, so printing it says the same twice.
 */
const combinesBudgets = (group: BudgetUsage): boolean => group.budgetIds.length > 1;

/** The budget groups that say something their budgets do not. */
export function groupsToReport(summary: WindowSummary): BudgetUsage[] {
  return summary.budgetGroups.filter(combinesBudgets);
}

/** Budgets, then the groups reported together ("CPU and GPU-hours"): one line or row each. */
export function reportedBudgets(summary: WindowSummary): BudgetUsage[] {
  return [...summary.budgets, ...groupsToReport(summary)];
}

/** The summary as the API and `--json` answer it: each budget's figures once, as in the text. */
export function summaryAsReported(summary: WindowSummary): WindowSummary {
  return { ...summary, budgetGroups: groupsToReport(summary) };
}
