import { expectedOneOf, type Loose, looseString } from './loose-reading';
import {
  AGGREGATIONS,
  type Aggregation,
  DEFAULT_AGGREGATION,
  METRIC_KINDS,
  type MetricKind,
} from './metric-definition-schema';
import { isUsersMetric } from './users-metric';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface MetricCheckContext {
  /** Budget id → its unit (undefined when the budget's unit is itself wrong). */
  budgetUnits: ReadonlyMap<string, string | undefined>;
  /** The installation's metrics by id, to resolve countOf. */
  metricsById: ReadonlyMap<string, Loose>;
  installationId: string | undefined;
}

/** Units are typed by people: "CPU-hours" and "cpu-hours " are the same unit, "users" is not. */
export function sameUnit(left: string, right: string): boolean {
  const normal = (unit: string) => unit.trim().replace(/\s+/g, ' ').toLowerCase();
  return normal(left) === normal(right);
}

const kindOf = (metric: Loose): MetricKind | undefined => METRIC_KINDS.find((kind) => kind === metric.kind);

/** The aggregation as parsed: written, or the kind's default when left out. */
function aggregationOf(metric: Loose, kind: MetricKind): Aggregation | undefined {
  if (metric.aggregation === undefined) return DEFAULT_AGGREGATION[kind];
  return AGGREGATIONS.find((aggregation) => aggregation === metric.aggregation);
}

/** Aggregations that give a wrong figure for a kind, and why; undefined when the pair is right. */
function aggregationProblem(metric: Loose, kind: MetricKind, aggregation: Aggregation): string | undefined {
  const found = `found "${aggregation}"`;
  if (kind === 'country-list' && aggregation !== 'union') {
    return `${found}; a country list aggregates as "union" (a country reached in two periods counts once)`;
  }
  if (kind !== 'country-list' && aggregation === 'union') {
    return `${found}; "union" is for country lists only, expected ${kind === 'hours' || kind === 'tb-month' ? '"sum"' : '"max" or "latest"'} for a ${kind}`;
  }
  if (kind === 'country-count' && aggregation === 'sum') {
    return `${found}; a country count is never summed (the same countries come back period after period), expected "max" or "latest"`;
  }
  const id = looseString(metric.id) ?? '';
  const unit = looseString(metric.unit) ?? '';
  if (aggregation === 'sum' && isUsersMetric({ kind, id, unit })) {
    return `${found}; users are never summed (the same people come back period after period), expected "max" or "latest"`;
  }
  return undefined;
}

function budgetProblems(metric: Loose, kind: MetricKind | undefined, ctx: MetricCheckContext): string[] {
  const budgetId = looseString(metric.countsToward);
  if (budgetId === undefined) return [];
  if (!ctx.budgetUnits.has(budgetId)) {
    return [
      `unknown budget "${budgetId}"; ${expectedOneOf(ctx.budgetUnits.keys(), 'the project has no budgets: add one under project.budgets or remove countsToward')}`,
    ];
  }
  const problems: string[] = [];
  const budgetUnit = ctx.budgetUnits.get(budgetId);
  const unit = looseString(metric.unit);
  if (
    kind !== undefined &&
    unit !== undefined &&
    isUsersMetric({ kind, id: looseString(metric.id) ?? '', unit })
  ) {
    problems.push(
      `a users metric counts toward budget "${budgetId}"; users are never summed across installations, so expected no countsToward`,
    );
  } else if (budgetUnit !== undefined && unit !== undefined && !sameUnit(unit, budgetUnit)) {
    problems.push(
      `the metric is in "${unit}" but budget "${budgetId}" is in "${budgetUnit}"; expected a metric in ${budgetUnit}, or no countsToward`,
    );
  }
  const aggregation = kind === undefined ? undefined : aggregationOf(metric, kind);
  if (aggregation !== undefined && aggregation !== 'sum' && problems.length === 0) {
    problems.push(
      `counts toward budget "${budgetId}" but aggregates as "${aggregation}"; a budget adds up what was delivered, expected "sum"`,
    );
  }
  return problems;
}

function countOfProblem(
  metric: Loose,
  kind: MetricKind | undefined,
  ctx: MetricCheckContext,
): string | undefined {
  const countOf = looseString(metric.countOf);
  if (countOf === undefined || kind === undefined) return undefined;
  if (kind !== 'country-count') return `countOf is for country-count metrics only, found it on a ${kind}`;
  const listKind = ctx.metricsById.get(countOf)?.kind;
  if (listKind === 'country-list') return undefined;
  return `"${countOf}" is not a country-list metric of installation "${ctx.installationId ?? '?'}"; expected the id of one of its country-list metrics`;
}

/** What is wrong with one metric definition against its installation and the project's budgets. */
export function metricProblems(metric: Loose, ctx: MetricCheckContext): FieldProblem[] {
  const kind = kindOf(metric);
  const aggregation = kind === undefined ? undefined : aggregationOf(metric, kind);
  const problems: FieldProblem[] = [];
  const wrongAggregation =
    kind === undefined || aggregation === undefined
      ? undefined
      : aggregationProblem(metric, kind, aggregation);
  if (wrongAggregation !== undefined) problems.push({ field: 'aggregation', message: wrongAggregation });
  for (const message of budgetProblems(metric, kind, ctx)) problems.push({ field: 'countsToward', message });
  const wrongCountOf = countOfProblem(metric, kind, ctx);
  if (wrongCountOf !== undefined) problems.push({ field: 'countOf', message: wrongCountOf });
  return problems;
}
