import type { BudgetUsage } from './budget-usage';

/**
 * How every summary starts a budget's line: "CPU-hours: 662,547 CPU-hours used in PY1 (M01–M12)",
 * marked as a lower bound when a contributing value is missing, then `availability` (which differs
 * between the short headline and the report's key figures); or why its use is not measured.
 */
export function budgetSentence(
  label: string,
  budget: BudgetUsage,
  windowLabel: string,
  number: (value: number) => string,
  availability: (budget: BudgetUsage) => string,
): string {
  if (!budget.hasMetrics) return `${label}: no metric counts toward it, so its use is not measured`;
  const lowerBound = budget.complete ? '' : ' (values missing: a lower bound)';
  return (
    `${label}: ${number(budget.usedInWindow)} ${budget.unit} used in ${windowLabel}${lowerBound}; ` +
    availability(budget)
  );
}
