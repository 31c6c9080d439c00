import { monthName, type ReportingPeriod } from '../calendar/reporting-period';
import type { ProjectConfig } from '../config/project-config-schema';
import type { DraftFormat } from '../drafts/draft-format';
import { numberOf } from '../summary/aggregate-values';
import { addExactly } from '../summary/exact-sum';
import type { ValueLookup } from '../summary/value-lookup';
import type { WindowSummary } from '../summary/window-summary';
import { projectionText } from './budget-table';
import { reportValueText } from './installation-section';
import type { BudgetTimelineChart, ReportChart, UsageChart } from './report-model';

/** Alt text beyond this many installations points to the tables instead of reading out hundreds of bars. */
const ALT_TEXT_INSTALLATIONS = 25;

interface ChartInput {
  config: ProjectConfig;
  summary: WindowSummary;
  periodsSoFar: readonly ReportingPeriod[];
  lookup: ValueLookup;
  format: DraftFormat;
}

function contributingMetrics(config: ProjectConfig, budgetId: string) {
  return config.installations.flatMap((installation) =>
    installation.metrics
      .filter((metric) => metric.countsToward === budgetId)
      .map((metric) => ({ installation, metric })),
  );
}

function usageChart(
  input: ChartInput,
  budget: ProjectConfig['project']['budgets'][number],
  figure: number,
): UsageChart | null {
  const metrics = contributingMetrics(input.config, budget.id);
  if (metrics.length === 0) return null;
  const bars: UsageChart['bars'] = [];
  const spoken: string[] = [];
  for (const { installation, metric } of metrics) {
    const parts: string[] = [];
    for (const period of input.periodsSoFar) {
      const value = input.lookup(installation.id, metric.id, period.id);
      const number = numberOf(value);
      const valueText = reportValueText(value, input.format);
      parts.push(`${valueText} in ${period.id} (${period.label})`);
      if (number === null) continue;
      bars.push({
        installationName: installation.name,
        periodId: period.id,
        periodLabel: period.label,
        value: number,
        valueText,
      });
    }
    spoken.push(`${installation.name}: ${input.format.list(parts)}`);
  }
  const first = input.periodsSoFar[0];
  const last = input.periodsSoFar[input.periodsSoFar.length - 1];
  const span =
    first === undefined || last === undefined
      ? ''
      : `, ${first.id} to ${last.id} (${monthName(first.firstMonth)}–${monthName(last.lastMonth)})`;
  const shown = spoken.slice(0, ALT_TEXT_INSTALLATIONS);
  const more = spoken.length - shown.length;
  return {
    kind: 'usage',
    id: `usage-${budget.id}`,
    budgetId: budget.id,
    unit: budget.unit,
    // Budget labels may be lower case ("storage"): a chart title starts a line, as a heading does.
    title: `${budget.label.charAt(0).toUpperCase()}${budget.label.slice(1)} per installation and period`,
    caption: `Figure ${figure}: ${budget.unit} delivered per installation and period${span}; the values of the installations' metric tables.`,
    altText:
      `Bar chart of ${budget.unit} per installation, one bar per period. ${shown.join('; ')}.` +
      (more > 0 ? ` And ${more} more installations: see their metric tables.` : ''),
    bars,
  };
}

function budgetTimeline(input: ChartInput, figure: number): BudgetTimelineChart | null {
  const { summary, format } = input;
  const budgets: BudgetTimelineChart['budgets'] = [];
  for (const budget of input.config.project.budgets) {
    const usage = summary.budgets.find((item) => item.id === budget.id);
    const metrics = contributingMetrics(input.config, budget.id);
    if (usage === undefined || metrics.length === 0) continue;
    let cumulative = 0;
    const points = [{ month: 0, usedPercent: 0, usedText: format.number(0) }];
    for (const period of input.periodsSoFar) {
      const inPeriod = metrics.map(
        ({ installation, metric }) => numberOf(input.lookup(installation.id, metric.id, period.id)) ?? 0,
      );
      cumulative = addExactly([cumulative, ...inPeriod]);
      points.push({
        month: period.lastMonth,
        usedPercent: (cumulative / budget.amount) * 100,
        usedText: format.number(cumulative),
      });
    }
    budgets.push({
      budgetId: budget.id,
      label: budget.label,
      points,
      projectedPercent: usage.projectedPercent,
      projectedText: projectionText(usage, format),
    });
  }
  if (budgets.length === 0) return null;
  const end = monthName(summary.durationMonths);
  const spoken = budgets.map((budget) => {
    const last = budget.points[budget.points.length - 1];
    return `${budget.label}: ${format.percent(last?.usedPercent ?? 0)} used (${last?.usedText ?? '0'}) at ${monthName(summary.monthsElapsed)}, projected ${format.percent(budget.projectedPercent)} by ${end}`;
  });
  return {
    kind: 'budget-timeline',
    id: 'budget-timeline',
    title: 'Budget used against time',
    caption: `Figure ${figure}: share of each budget used at the end of each period, against the pro-rata line (0% at M00 to 100% at ${end}), with the straight-line projection to ${end}.`,
    altText: `Line chart of the share of each budget used over the project's months, with the pro-rata diagonal: ${spoken.join('; ')}. ${format.percent(summary.elapsedShare * 100)} of the project's duration has elapsed.`,
    durationMonths: summary.durationMonths,
    monthsElapsed: summary.monthsElapsed,
    budgets,
  };
}

/** The budget-against-time chart, then one usage chart per budget that metrics count toward (CPU, GPU, storage). */
export function reportCharts(input: ChartInput): ReportChart[] {
  const charts: ReportChart[] = [];
  const timeline = budgetTimeline(input, 1);
  if (timeline !== null) charts.push(timeline);
  for (const budget of input.config.project.budgets) {
    const chart = usageChart(input, budget, charts.length + 1);
    if (chart !== null) charts.push(chart);
  }
  return charts;
}
