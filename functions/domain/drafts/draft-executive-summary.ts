import { monthLabel, monthName, type PeriodId } from '../calendar/reporting-period';
import type { ProjectConfig } from '../config/project-config-schema';
import type { BudgetUsage } from '../summary/budget-usage';
import type { WindowSummary } from '../summary/window-summary';
import type { DraftOptions, DraftSituation, ExecutiveSummaryDraft } from './assessment-draft';
import { draftFormat, lowerFirst, periodPhrase } from './draft-format';
import { FigureRecorder } from './figure-recorder';

/** Groups first (as the seed reports "CPU and GPU-hours" together), then budgets no group covers. */
function budgetsToReport(summary: WindowSummary): BudgetUsage[] {
  const grouped = new Set(summary.budgetGroups.flatMap((group) => group.budgetIds));
  return [...summary.budgetGroups, ...summary.budgets.filter((budget) => !grouped.has(budget.id))];
}

/** What every paragraph writer shares: the figures and situations it records, and the window's periods. */
interface DraftContext {
  readonly summary: WindowSummary;
  readonly format: ReturnType<typeof draftFormat>;
  readonly figures: FigureRecorder;
  readonly situations: Set<DraftSituation>;
  readonly window: WindowSummary['window'];
  readonly windowPeriods: PeriodId[];
  /** Every period from the project's start to the window's end, for cumulative figures. */
  readonly throughPeriods: PeriodId[];
  readonly names: Map<string, ProjectConfig['installations'][number]>;
}

function draftContext(config: ProjectConfig, summary: WindowSummary, options: DraftOptions): DraftContext {
  const window = summary.window;
  const windowPeriods = window.periods.map((period) => period.id);
  const lastIndex = Number(windowPeriods[windowPeriods.length - 1]?.slice(1) ?? 0);
  return {
    summary,
    format: draftFormat(options.locale),
    figures: new FigureRecorder(),
    situations: new Set<DraftSituation>(),
    window,
    windowPeriods,
    throughPeriods: Array.from({ length: lastIndex }, (_, index) => `P${index + 1}` as PeriodId),
    names: new Map(config.installations.map((installation) => [installation.id, installation])),
  };
}

/** Providers are named rather than installations, as the seed report credits who runs them. */
function providersOf(context: DraftContext, measured: BudgetUsage[]): string[] {
  const contributors = new Set(
    measured.flatMap((budget) =>
      budget.contributions.filter((item) => item.inWindow > 0).map((item) => item.installationId),
    ),
  );
  return [
    ...new Set(
      [...contributors].flatMap((id) => {
        const installation = context.names.get(id);
        if (installation === undefined) return [];
        return installation.providers.length > 0 ? installation.providers : [installation.name];
      }),
    ),
  ];
}

function deliveredSentence(context: DraftContext, measured: BudgetUsage[]): string | undefined {
  const { format, figures, window, windowPeriods } = context;
  const providers = providersOf(context, measured);
  const delivered = measured.map((budget) =>
    figures.quote({
      id: `budget/${budget.id}/used-in-window`,
      label: `${budget.label} used in ${window.label}`,
      text: `${format.number(budget.usedInWindow)} ${budget.unit}`,
      value: budget.usedInWindow,
      periods: windowPeriods,
    }),
  );
  if (delivered.length === 0) return undefined;
  const who =
    providers.length === 0
      ? 'the installations'
      : `${format.list(providers)}${providers.length > 1 ? ' together' : ''}`;
  return `In ${window.label}, ${who} delivered ${format.list(delivered)}.`;
}

/** Only when the window is not the project's first months, where it would repeat the sentence before. */
function sinceStartSentence(context: DraftContext, measured: BudgetUsage[]): string | undefined {
  const { format, figures, window, throughPeriods } = context;
  if (!(window.firstMonth > 1 && measured.length > 0)) return undefined;
  const sinceStart = measured.map((budget) =>
    figures.quote({
      id: `budget/${budget.id}/used-cumulative`,
      label: `${budget.label} used from the start of the project to the end of ${window.label}`,
      text: `${format.number(budget.usedCumulative)} ${budget.unit}`,
      value: budget.usedCumulative,
      periods: throughPeriods,
    }),
  );
  return `Since the start of the project (${monthLabel(1, window.lastMonth)}), ${format.list(sinceStart)} have been delivered.`;
}

function availableSentence(context: DraftContext, reported: BudgetUsage[]): string {
  const { summary, format, figures, window, windowPeriods } = context;
  const available = reported.map(
    (budget) =>
      `${figures.quote({
        id: `budget/${budget.id}/available-percent`,
        label: `Share of the budgeted ${budget.label} still available after ${window.label}`,
        text: format.percent(budget.availablePercent),
        value: budget.availablePercent,
        periods: windowPeriods,
      })} of the budgeted ${lowerFirst(budget.label)}`,
  );
  const remaining =
    summary.monthsRemaining > 0
      ? `for the remaining ${figures.quote({
          id: 'project/months-remaining',
          label: 'Project months after the window',
          text: format.number(summary.monthsRemaining),
          value: summary.monthsRemaining,
          periods: [],
        })} ${format.noun(summary.monthsRemaining, 'month', 'months')} (${monthLabel(window.lastMonth + 1, summary.durationMonths)})`
      : 'at the end of the project';
  return `${available.length > 1 ? `${available.slice(0, -1).join(', ')}, and ${available[available.length - 1]}` : available[0]} ${available.length > 1 ? 'are' : 'is'} still available ${remaining}.`;
}

/** A projection only means something while months remain. */
function paceSentence(context: DraftContext, reported: BudgetUsage[]): string | undefined {
  const { summary, format, figures, window, throughPeriods } = context;
  if (!(summary.monthsRemaining > 0)) return undefined;
  const elapsed = figures.quote({
    id: 'project/elapsed-percent',
    label: `Share of the project's duration elapsed at the end of ${window.label}`,
    text: format.percent(summary.elapsedShare * 100),
    value: summary.elapsedShare * 100,
    periods: [],
  });
  const projections = reported.map(
    (budget) =>
      `${figures.quote({
        id: `budget/${budget.id}/projected-percent`,
        label: `Share of the budgeted ${budget.label} used by the end of the project at the pace so far`,
        text: format.percent(budget.projectedPercent),
        value: budget.projectedPercent,
        periods: throughPeriods,
      })} of the budgeted ${lowerFirst(budget.label)}`,
  );
  return `With ${elapsed} of the project's duration elapsed, continuing at the pace of the first ${format.number(summary.monthsElapsed)} ${format.noun(summary.monthsElapsed, 'month', 'months')} would use ${format.list(projections)} by ${monthName(summary.durationMonths)}.`;
}

/** Says which figures cannot be trusted as totals, so the reader does not take them as such. */
function measurementCaveats(context: DraftContext, measured: BudgetUsage[]): string[] {
  const { summary, format, situations } = context;
  const caveats: string[] = [];
  const unmeasured = summary.budgets.filter((budget) => !budget.hasMetrics);
  if (unmeasured.length > 0) {
    situations.add('budget-not-measured');
    caveats.push(
      `No metric counts toward the budgeted ${format.list(unmeasured.map((budget) => lowerFirst(budget.label)))}, so its use is not measured.`,
    );
  }
  const incomplete = measured.filter((budget) => !budget.complete);
  if (incomplete.length > 0) {
    situations.add('values-missing');
    caveats.push(
      `Some values counting toward the budgeted ${format.list(incomplete.map((budget) => lowerFirst(budget.label)))} are missing, so the figures above are lower bounds.`,
    );
  }
  return caveats;
}

/** Resources: delivered, delivered since the start, still available, the pace, then the caveats. */
function resourcesParagraph(context: DraftContext): string[] {
  const measured = context.summary.budgets.filter((budget) => budget.hasMetrics);
  const resources: string[] = [];
  const delivered = deliveredSentence(context, measured);
  if (delivered !== undefined) resources.push(delivered);
  const sinceStart = sinceStartSentence(context, measured);
  if (sinceStart !== undefined) resources.push(sinceStart);
  const reported = budgetsToReport(context.summary).filter((budget) => budget.hasMetrics);
  if (reported.length > 0) {
    resources.push(availableSentence(context, reported));
    const pace = paceSentence(context, reported);
    if (pace !== undefined) resources.push(pace);
  }
  resources.push(...measurementCaveats(context, measured));
  return resources;
}

function notUsedSentence(context: DraftContext): string | undefined {
  const { summary, format, situations, window } = context;
  const notUsed = summary.installations.filter((installation) => installation.usage === 'not-used');
  const used = summary.installations.filter((installation) => installation.usage === 'used');
  if (used.length > 0) situations.add('used');
  if (notUsed.length === 0) return undefined;
  situations.add('not-used');
  const list = format.list(notUsed.map((installation) => installation.name));
  return notUsed.length === 1
    ? `The ${list} installation was not used in ${window.label}.`
    : `The following installations were not used in ${window.label}: ${list}.`;
}

function countriesSentence(context: DraftContext): string | undefined {
  const { summary, format, figures, situations, window, windowPeriods } = context;
  const countries = summary.countries;
  if (!(countries.count > 0)) return undefined;
  situations.add('countries-reached');
  const count = figures.quote({
    id: `countries/${window.id}-count`,
    label: `Countries reached by all installations, ${window.label}`,
    text: format.number(countries.count),
    value: countries.count,
    periods: windowPeriods,
  });
  const list = figures.quote({
    id: `countries/${window.id}`,
    label: `Countries reached by all installations, ${window.label}`,
    text: countries.codes.join(', '),
    value: countries.codes,
    periods: windowPeriods,
  });
  return `Across all installations, users came from ${count} ${format.noun(countries.count, 'country', 'countries')} over ${window.label} (${list}).`;
}

function usersSentence(context: DraftContext): string | undefined {
  const { summary, format, figures, window, names } = context;
  const lowerBound = summary.users.lowerBound;
  if (lowerBound === null) return undefined;
  const installation = names.get(lowerBound.installationId);
  const from = window.periods.filter((period) => lowerBound.from.includes(period.id)).map(periodPhrase);
  const value = figures.quote({
    id: 'users/lower-bound',
    label: `Largest number of users of a single installation, ${window.label} (a lower bound)`,
    text: format.number(lowerBound.value),
    value: lowerBound.value,
    periods: lowerBound.from,
  });
  return `The installations served at least ${value} ${format.noun(lowerBound.value, 'user', 'users')} (the largest figure of a single installation, ${installation?.name ?? lowerBound.installationId}${from.length > 0 ? `, in ${format.list(from)}` : ''}); users are not added up across installations or periods, as the same people use several of them.`;
}

/** Usage: installations not used, countries reached, users. */
function usageParagraph(context: DraftContext): string[] {
  return [notUsedSentence(context), countriesSentence(context), usersSentence(context)].filter(
    (sentence): sentence is string => sentence !== undefined,
  );
}

function completenessParagraph(context: DraftContext): string | undefined {
  const { summary, format, figures, situations, window, windowPeriods } = context;
  const completeness = summary.completeness;
  if (completeness.missing.length === 0) return undefined;
  situations.add('values-missing');
  const missing = figures.quote({
    id: 'completeness/missing',
    label: `Values missing, ${window.label}`,
    text: format.number(completeness.missing.length),
    value: completeness.missing.length,
    periods: windowPeriods,
  });
  const expected = figures.quote({
    id: 'completeness/expected',
    label: `Values expected, ${window.label}`,
    text: format.number(completeness.expected),
    value: completeness.expected,
    periods: windowPeriods,
  });
  const percent = figures.quote({
    id: 'completeness/percent',
    label: `Share of values entered, ${window.label}`,
    text: format.percent(completeness.percentComplete),
    value: completeness.percentComplete,
    periods: windowPeriods,
  });
  return `${missing} of the ${expected} ${format.noun(completeness.expected, 'value', 'values')} expected for ${window.label} ${format.noun(completeness.missing.length, 'is', 'are')} still missing (${percent} complete); the figures above leave them out.`;
}

/**
 * The executive summary's resource paragraph: what the installations delivered in the window, how
 * much of each budget is left, the pace against elapsed time, users, countries and completeness.
 */
export function draftExecutiveSummary(
  config: ProjectConfig,
  summary: WindowSummary,
  options: DraftOptions = {},
): ExecutiveSummaryDraft {
  const context = draftContext(config, summary, options);
  const paragraphs: string[] = [];
  // Called in reading order: the figures and situations are recorded in the order they appear.
  const resources = resourcesParagraph(context);
  if (resources.length > 0) paragraphs.push(resources.join(' '));
  const usage = usageParagraph(context);
  if (usage.length > 0) paragraphs.push(usage.join(' '));
  const completeness = completenessParagraph(context);
  if (completeness !== undefined) paragraphs.push(completeness);
  return {
    scope: 'executive-summary',
    windowId: context.window.id,
    windowLabel: context.window.label,
    text: paragraphs.join('\n\n'),
    figures: context.figures.figures,
    situations: [...context.situations],
  };
}
