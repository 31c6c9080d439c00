import type { BudgetUsage } from './budget-usage';
import type { WindowSummary } from './window-summary';

/**
 * A group of one budget under that budget's own label (the example's "storage") has the budget's
 * figures: printing it would only say the same line twice.
 */
function restatesItsBudget(group: BudgetUsage, budgets: ReadonlyMap<string, BudgetUsage>): boolean {
  const [onlyId, ...others] = group.budgetIds;
  const only = onlyId === undefined || others.length > 0 ? undefined : budgets.get(onlyId);
  return (
    only !== undefined &&
    only.label === group.label &&
    only.unit === group.unit &&
    only.amount === group.amount &&
    only.usedInWindow === group.usedInWindow &&
    only.usedCumulative === group.usedCumulative
  );
}

/** The budget groups that say something their budgets do not. */
export function groupsToReport(summary: WindowSummary): BudgetUsage[] {
  const budgets = new Map(summary.budgets.map((budget) => [budget.id, budget]));
  return summary.budgetGroups.filter((group) => !restatesItsBudget(group, budgets));
}

/** Budgets, then the groups reported together ("CPU and GPU-hours"): one line or row each. */
export function reportedBudgets(summary: WindowSummary): BudgetUsage[] {
  return [...summary.budgets, ...groupsToReport(summary)];
}
