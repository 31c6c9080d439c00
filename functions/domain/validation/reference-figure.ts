import type { BaselineSpan, MetricDefinition } from '../config/metric-definition-schema';
import type { Project } from '../config/project-schema';
import { formatNumber } from '../parsing/format-metric-value';
import type { ParseFinding } from '../parsing/parse-finding';
import { parseBaseline } from './parse-baseline';

/** A period value more than this many times its metric's reference figure is warned. */
export const REFERENCE_FACTOR = 10;

const SPAN_TEXT: Record<BaselineSpan, string> = {
  period: 'per period',
  year: 'per year',
  project: 'over the project',
};

/** The largest figure a metric is planned against: its budget's whole amount or its baseline. */
export interface ReferenceFigure {
  amount: number;
  /** "the whole project's CPU-hours budget (6,000,000 CPU-hours)" */
  description: string;
}

/**
 * The larger of the budget the metric counts toward (for the whole project, all installations) and
 * its numeric baseline as stated, so that only a figure far beyond both is warned. A baseline of 0
 * says nothing about scale and is ignored; undefined when the metric has neither.
 */
export function referenceFigureOf(metric: MetricDefinition, project: Project): ReferenceFigure | undefined {
  const candidates: ReferenceFigure[] = [];
  const budget = project.budgets.find((candidate) => candidate.id === metric.countsToward);
  if (budget !== undefined) {
    candidates.push({
      amount: budget.amount,
      description: `the whole project's ${budget.label} budget (${formatNumber(budget.amount)} ${budget.unit})`,
    });
  }
  const baseline = parseBaseline(metric, project);
  if (baseline?.type === 'number' && baseline.value > 0) {
    candidates.push({
      amount: baseline.value,
      description: `the metric's baseline (${formatNumber(baseline.value)} ${metric.unit} ${SPAN_TEXT[metric.baselineSpan]})`,
    });
  }
  return candidates.reduce<ReferenceFigure | undefined>(
    (largest, candidate) =>
      largest === undefined || candidate.amount > largest.amount ? candidate : largest,
    undefined,
  );
}

/** 'far-above-reference' when one period's figure exceeds REFERENCE_FACTOR times the reference. */
export function checkAgainstReference(
  metric: Pick<MetricDefinition, 'unit'>,
  value: number,
  reference: ReferenceFigure | undefined,
): ParseFinding[] {
  if (reference === undefined || value <= REFERENCE_FACTOR * reference.amount) return [];
  return [
    {
      ruleId: 'far-above-reference',
      found: formatNumber(value),
      expected: `at most ${formatNumber(REFERENCE_FACTOR * reference.amount)} ${metric.unit} in one period, ${REFERENCE_FACTOR} times ${reference.description}`,
      action: 'accepted; please check it is not a typing or unit slip',
    },
  ];
}
