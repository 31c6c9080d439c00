import type { DateTime } from 'luxon';
import { listPeriods } from '../calendar/reporting-period';
import { cumulativeThrough, type ReportingWindow } from '../calendar/reporting-window';
import type { Installation } from '../config/installation-schema';
import { isUsageMetric, type MetricDefinition } from '../config/metric-definition-schema';
import type { ProjectConfig } from '../config/project-config-schema';
import type { EntryValue } from '../entries/entry';
import { InvalidWindowError } from '../errors';
import { hasNoBaseline, parseBaseline } from '../validation/parse-baseline';
import { type Aggregate, aggregateValues, numberOf } from './aggregate-values';
import { attainmentOf } from './baseline-attainment';
import { budgetsOf } from './budgets-of';
import type { Completeness, MissingValue } from './completeness';
import type { CountriesReached, CountrySetSummary, InstallationCountries } from './countries-reached';
import { unionOfCountries } from './country-set';
import type { InstallationSummary, UsageStatus } from './installation-summary';
import type { AggregateBasis, MetricSummary, PeriodValue } from './metric-summary';
import { type SummaryContext, valuesOver } from './summary-context';
import { trendOf } from './trend';
import { type UnconfiguredValues, unconfiguredValues } from './unconfigured-values';
import { isUsersMetric, type UsersFigure, type UsersSummary } from './users-summary';
import { lookupValues } from './value-lookup';
import { windowRef } from './window-ref';
import type { WindowSummary } from './window-summary';

/**
 * A country count tied to a country list (countOf) takes the size of the list's union when the list
 * is there wherever the count is: over P1 and P2 that is 9, where the largest single count is 7.
 */
function countOfUnion(
  installation: Installation,
  metric: MetricDefinition,
  periods: readonly PeriodValue[],
  ctx: SummaryContext,
): Aggregate | null {
  if (metric.kind !== 'country-count' || metric.countOf === undefined) return null;
  const listMetric = installation.metrics.find((candidate) => candidate.id === metric.countOf);
  if (listMetric?.kind !== 'country-list') return null;
  const lists = valuesOver(ctx.lookup, installation.id, listMetric.id, ctx.window.periods);
  const listCovers = periods.every(
    (period, index) => period.value === null || lists[index]?.value?.type === 'countries',
  );
  const union = aggregateValues('union', lists);
  if (!listCovers || union === null || union.value.type !== 'countries') return null;
  return { value: { type: 'number', value: union.value.codes.length }, from: union.from };
}

function baselineAsTyped(metric: MetricDefinition): string | null {
  return metric.baseline === null ? null : String(metric.baseline);
}

function summarizeMetric(
  installation: Installation,
  metric: MetricDefinition,
  ctx: SummaryContext,
): MetricSummary {
  const periods = valuesOver(ctx.lookup, installation.id, metric.id, ctx.window.periods);
  const derived = countOfUnion(installation, metric, periods, ctx);
  const aggregate = derived ?? aggregateValues(metric.aggregation, periods);
  const aggregateBasis: AggregateBasis = derived === null ? metric.aggregation : 'count-of-union';
  const baseline = parseBaseline(metric, ctx.project);
  const last = periods[periods.length - 1];
  if (last === undefined) throw new InvalidWindowError(ctx.window.id, 'a window with at least one period');
  const previous =
    ctx.previousPeriod === null
      ? null
      : {
          periodId: ctx.previousPeriod.id,
          label: ctx.previousPeriod.label,
          value: ctx.lookup(installation.id, metric.id, ctx.previousPeriod.id),
        };
  return {
    metricId: metric.id,
    label: metric.label,
    kind: metric.kind,
    unit: metric.unit,
    aggregation: metric.aggregation,
    countsToward: metric.countsToward ?? null,
    isUsage: isUsageMetric(metric),
    periods,
    aggregate: aggregate?.value ?? null,
    aggregateBasis,
    aggregateFrom: aggregate?.from ?? [],
    missingPeriods: periods.filter((period) => period.value === null).map((period) => period.periodId),
    baselineAsTyped: baselineAsTyped(metric),
    baseline,
    baselineStatus: baseline !== null ? 'parsed' : hasNoBaseline(metric.baseline) ? 'none' : 'unreadable',
    attainment: attainmentOf({
      aggregation: metric.aggregation,
      span: metric.baselineSpan,
      baseline,
      actual: aggregate?.value ?? null,
      windowMonths: ctx.windowMonths,
      project: ctx.project,
    }),
    trend: trendOf(previous, last),
  };
}

function usageOf(metrics: readonly MetricSummary[]): UsageStatus {
  const usage = metrics.filter((metric) => metric.isUsage);
  const values = usage.flatMap((metric) => metric.periods.map((period) => numberOf(period.value)));
  if (values.some((value) => value !== null && value > 0)) return 'used';
  if (values.length > 0 && values.every((value) => value === 0)) return 'not-used';
  return 'unknown';
}

/** Each period of the window with the union of the country lists entered for it; null when none was. */
function unionPerPeriod(
  ctx: SummaryContext,
  listsAt: (periodIndex: number) => readonly (readonly string[] | null | undefined)[],
): CountrySetSummary['perPeriod'] {
  return ctx.window.periods.map((period, index) => {
    const entered = listsAt(index).filter((codes): codes is readonly string[] => codes != null);
    return {
      periodId: period.id,
      label: period.label,
      codes: entered.length === 0 ? null : unionOfCountries(entered),
    };
  });
}

function countrySetOf(
  lists: readonly (readonly PeriodValue[])[],
  ctx: SummaryContext,
): CountrySetSummary | null {
  if (lists.length === 0) return null;
  const perPeriod = unionPerPeriod(ctx, (index) =>
    lists.map((periods) => {
      const value = periods[index]?.value;
      return value?.type === 'countries' ? value.codes : null;
    }),
  );
  const codes = unionOfCountries(
    perPeriod.flatMap((period) => (period.codes === null ? [] : [period.codes])),
  );
  return { codes, count: codes.length, perPeriod };
}

function usersFigureOf(installationId: string, metric: MetricSummary): UsersFigure {
  return {
    installationId,
    metricId: metric.metricId,
    label: metric.label,
    perPeriod: metric.periods.map((period) => ({
      periodId: period.periodId,
      label: period.label,
      value: numberOf(period.value),
    })),
    value: numberOf(metric.aggregate),
    from: metric.aggregateFrom,
  };
}

function summarizeInstallation(installation: Installation, ctx: SummaryContext): InstallationSummary {
  const metrics = installation.metrics.map((metric) => summarizeMetric(installation, metric, ctx));
  const countryLists = metrics
    .filter((metric) => metric.kind === 'country-list')
    .map((metric) => metric.periods);
  const usersMetric = metrics.find((metric) =>
    isUsersMetric({ kind: metric.kind, id: metric.metricId, unit: metric.unit }),
  );
  return {
    installationId: installation.id,
    name: installation.name,
    task: installation.task,
    role: installation.role,
    resourceKind: installation.resourceKind,
    providers: [...installation.providers],
    editors: [...installation.editors],
    usage: usageOf(metrics),
    metrics,
    countries: countrySetOf(countryLists, ctx),
    users: usersMetric === undefined ? null : usersFigureOf(installation.id, usersMetric),
    missingCount: metrics.reduce((count, metric) => count + metric.missingPeriods.length, 0),
  };
}

function countriesReached(
  installations: readonly InstallationSummary[],
  ctx: SummaryContext,
): CountriesReached {
  const perInstallation: InstallationCountries[] = installations.flatMap((installation) =>
    installation.countries === null
      ? []
      : [{ installationId: installation.installationId, ...installation.countries }],
  );
  const perPeriod = unionPerPeriod(ctx, (index) =>
    perInstallation.map((installation) => installation.perPeriod[index]?.codes),
  );
  const codes = unionOfCountries(perInstallation.map((installation) => installation.codes));
  return { codes, count: codes.length, perPeriod, perInstallation };
}

function usersOf(installations: readonly InstallationSummary[]): UsersSummary {
  const perInstallation = installations.flatMap((installation) =>
    installation.users === null ? [] : [installation.users],
  );
  let lowerBound: UsersSummary['lowerBound'] = null;
  for (const figure of perInstallation) {
    if (figure.value !== null && (lowerBound === null || figure.value > lowerBound.value)) {
      lowerBound = {
        value: figure.value,
        installationId: figure.installationId,
        metricId: figure.metricId,
        from: figure.from,
      };
    }
  }
  return { perInstallation, lowerBound };
}

/** Read off the metric summaries, which already hold every cell of the window, rather than looked up again. */
function completenessOf(
  installations: readonly InstallationSummary[],
  ctx: SummaryContext,
  now: DateTime,
  unconfigured: UnconfiguredValues[],
): Completeness {
  const missing: MissingValue[] = [];
  let expected = 0;
  for (const installation of installations) {
    for (const metric of installation.metrics) {
      ctx.window.periods.forEach((period, index) => {
        expected += 1;
        if (metric.periods[index]?.value !== null) return;
        missing.push({
          installationId: installation.installationId,
          metricId: metric.metricId,
          periodId: period.id,
          installationName: installation.name,
          metricLabel: metric.label,
          periodLabel: period.label,
          editors: [...installation.editors],
          due: period.end <= now,
        });
      });
    }
  }
  const byEditor = new Map<string, number>();
  for (const item of missing)
    for (const editor of item.editors) byEditor.set(editor, (byEditor.get(editor) ?? 0) + 1);
  const present = expected - missing.length;
  return {
    expected,
    present,
    percentComplete: expected === 0 ? 100 : (present / expected) * 100,
    missing,
    byEditor: [...byEditor].map(([editor, count]) => ({ editor, missing: count })),
    unconfigured,
  };
}

/**
 * Summarises one window (a period, a project year or everything up to a period): budgets used and
 * left, each installation's metrics against baseline and the previous period, countries reached,
 * users and what is still missing. `values` are the accepted current values of any periods: those
 * before the window feed the cumulative budget figures and the trend.
 */
export function summarize(
  config: ProjectConfig,
  values: readonly EntryValue[],
  window: ReportingWindow,
  now: DateTime,
): WindowSummary {
  const { project } = config;
  const lastPeriod = window.periods[window.periods.length - 1];
  if (lastPeriod === undefined) throw new InvalidWindowError(window.id, 'a window with at least one period');
  const ctx: SummaryContext = {
    project,
    window,
    windowMonths: window.lastMonth - window.firstMonth + 1,
    lookup: lookupValues(values),
    previousPeriod: listPeriods(project).find((period) => period.index === lastPeriod.index - 1) ?? null,
  };
  const installations = config.installations.map((installation) => summarizeInstallation(installation, ctx));
  const { budgets, groups } = budgetsOf(config, ctx);
  return {
    projectId: project.id,
    window: windowRef(window),
    asOf: now.toISO() ?? '',
    durationMonths: project.durationMonths,
    monthsElapsed: window.lastMonth,
    monthsRemaining: project.durationMonths - window.lastMonth,
    elapsedShare: window.lastMonth / project.durationMonths,
    budgets,
    budgetGroups: groups,
    installations,
    countries: countriesReached(installations, ctx),
    users: usersOf(installations),
    completeness: completenessOf(
      installations,
      ctx,
      now,
      unconfiguredValues(
        config,
        values,
        cumulativeThrough(project, window).periods.map((period) => period.id),
      ),
    ),
  };
}
