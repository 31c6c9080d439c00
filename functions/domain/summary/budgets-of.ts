import { cumulativeThrough, type ReportingWindow } from '../calendar/reporting-window';
import type { ProjectConfig } from '../config/project-config-schema';
import { aggregateValues, numberOf } from './aggregate-values';
import { type BudgetContribution, type BudgetUsage, paceOf } from './budget-usage';
import { addExactly, subtractExactly } from './exact-sum';
import { type SummaryContext, valuesOver } from './summary-context';

/** Budgets and budget groups of a summary: what each installation's metrics used of them, and the pace. */
function contributionsTo(
  budgetId: string,
  config: ProjectConfig,
  ctx: SummaryContext,
  throughEnd: ReportingWindow,
): BudgetContribution[] {
  return config.installations.flatMap((installation) =>
    installation.metrics
      .filter((metric) => metric.countsToward === budgetId)
      .map((metric) => {
        const inWindow = valuesOver(ctx.lookup, installation.id, metric.id, ctx.window.periods);
        const cumulative = valuesOver(ctx.lookup, installation.id, metric.id, throughEnd.periods);
        return {
          budgetId,
          installationId: installation.id,
          metricId: metric.id,
          inWindow: numberOf(aggregateValues(metric.aggregation, inWindow)?.value ?? null) ?? 0,
          cumulative: numberOf(aggregateValues(metric.aggregation, cumulative)?.value ?? null) ?? 0,
          missingPeriods: cumulative
            .filter((period) => period.value === null)
            .map((period) => period.periodId),
        };
      }),
  );
}

function budgetUsage(
  identity: Pick<BudgetUsage, 'id' | 'scope' | 'label' | 'unit' | 'budgetIds'>,
  amount: number,
  contributions: BudgetContribution[],
  ctx: SummaryContext,
): BudgetUsage {
  const { durationMonths } = ctx.project;
  const monthsElapsed = ctx.window.lastMonth;
  const usedInWindow = addExactly(contributions.map((contribution) => contribution.inWindow));
  const usedCumulative = addExactly(contributions.map((contribution) => contribution.cumulative));
  const usedShare = usedCumulative / amount;
  const elapsedShare = monthsElapsed / durationMonths;
  const projectedAtEnd = (usedCumulative / monthsElapsed) * durationMonths;
  return {
    ...identity,
    amount,
    usedInWindow,
    usedCumulative,
    available: subtractExactly(amount, usedCumulative),
    usedPercent: usedShare * 100,
    availablePercent: 100 - usedShare * 100,
    monthsElapsed,
    monthsRemaining: durationMonths - monthsElapsed,
    elapsedShare,
    usedShare,
    paceRatio: usedShare / elapsedShare,
    pace: paceOf(usedShare, elapsedShare),
    projectedAtEnd,
    projectedPercent: (projectedAtEnd / amount) * 100,
    contributions,
    hasMetrics: contributions.length > 0,
    complete: contributions.every((contribution) => contribution.missingPeriods.length === 0),
  };
}

export function budgetsOf(
  config: ProjectConfig,
  ctx: SummaryContext,
): { budgets: BudgetUsage[]; groups: BudgetUsage[] } {
  const throughEnd = cumulativeThrough(ctx.project, ctx.window);
  const contributionsByBudget = new Map(
    ctx.project.budgets.map((budget) => [budget.id, contributionsTo(budget.id, config, ctx, throughEnd)]),
  );
  const budgets = ctx.project.budgets.map((budget) =>
    budgetUsage(
      { id: budget.id, scope: 'budget', label: budget.label, unit: budget.unit, budgetIds: [budget.id] },
      budget.amount,
      contributionsByBudget.get(budget.id) ?? [],
      ctx,
    ),
  );
  const groups = ctx.project.budgetGroups.map((group) => {
    const members = ctx.project.budgets.filter((budget) => group.budgetIds.includes(budget.id));
    const units = [...new Set(members.map((budget) => budget.unit))];
    return budgetUsage(
      {
        id: group.id,
        scope: 'group',
        label: group.label,
        unit: units.join(' + '),
        budgetIds: [...group.budgetIds],
      },
      addExactly(members.map((budget) => budget.amount)),
      members.flatMap((budget) => contributionsByBudget.get(budget.id) ?? []),
      ctx,
    );
  });
  return { budgets, groups };
}
