import type { PeriodId } from '../calendar/reporting-period';
import { numberOf } from '../summary/aggregate-values';
import type { NumberAttainment } from '../summary/baseline-attainment';
import type { InstallationSummary } from '../summary/installation-summary';
import type { MetricSummary, PeriodValue } from '../summary/metric-summary';
import { reportedTarget } from '../summary/report-amount';
import type { TrendPoint } from '../summary/trend';
import type { WindowSummary } from '../summary/window-summary';
import type { AssessmentContext } from './assessment-context';
import type { AssessmentDraft, DraftOptions, DraftSituation } from './assessment-draft';
import { baselineSituation, comparatorWords, spanWords, standingWords } from './baseline-phrases';
import { countriesParagraph } from './countries-paragraph';
import {
  type DraftFormat,
  draftFormat,
  lowerFirst,
  periodPhrase,
  pointPhrase,
  upperFirst,
  windowPhrase,
} from './draft-format';
import { InstallationFigures } from './installation-figures';

/** Writes one installation's assessment; every number it quotes is recorded as a figure. */
class AssessmentWriter implements AssessmentContext {
  readonly figures: InstallationFigures;
  readonly situations = new Set<DraftSituation>();
  readonly format: DraftFormat;
  private readonly id: string;
  /** "As can be seen" opens the first trend sentence only, as a person would write it. */
  private trendLeadUsed = false;

  constructor(
    readonly installation: InstallationSummary,
    readonly summary: WindowSummary,
    options: DraftOptions,
  ) {
    this.format = draftFormat(options.locale);
    this.id = installation.installationId;
    this.figures = new InstallationFigures(this.id, this.format);
  }

  write(): AssessmentDraft {
    const paragraphs = [
      this.usageParagraph(),
      this.countsParagraph(),
      countriesParagraph(this),
      this.notesParagraph(),
    ].filter((paragraph) => paragraph !== '');
    return {
      installationId: this.id,
      windowId: this.summary.window.id,
      windowLabel: this.summary.window.label,
      text: paragraphs.join('\n\n'),
      figures: this.figures.figures,
      situations: [...this.situations],
    };
  }

  private get usageMetrics(): MetricSummary[] {
    return this.installation.metrics.filter((metric) => metric.isUsage);
  }

  private quotePeriodValue(
    metric: MetricSummary,
    point: { periodId: PeriodId; label: string },
    value: number,
  ) {
    return this.figures.number(metric, point.periodId, pointPhrase(point), value, [point.periodId]);
  }

  private windowPeriods(): PeriodId[] {
    return this.summary.window.periods.map((period) => period.id);
  }

  private sentence(text: string): string {
    return upperFirst(text.trim());
  }

  private join(sentences: readonly (string | null)[]): string {
    return sentences.filter((sentence): sentence is string => sentence !== null && sentence !== '').join(' ');
  }

  private usageParagraph(): string {
    const { name, usage } = this.installation;
    const inWindow = windowPhrase(this.summary.window);
    const sentences: (string | null)[] = [];
    if (usage === 'not-used') {
      this.situations.add('not-used');
      sentences.push(`The ${name} installation was not used in ${inWindow}: all its usage metrics are 0.`);
    } else if (usage === 'unknown') {
      this.situations.add('usage-unknown');
      sentences.push(
        this.usageMetrics.length === 0
          ? `The ${name} installation has no usage metric (hours or TB-month), so whether it was used in ${inWindow} cannot be told.`
          : `Whether the ${name} installation was used in ${inWindow} cannot be established yet, as usage values are missing (see below).`,
      );
    } else {
      this.situations.add('used');
      sentences.push(`The ${name} installation was used in ${inWindow}.`);
      for (const metric of this.usageMetrics) sentences.push(this.deliveredSentence(metric));
    }
    if (this.usageMetrics.some((metric) => metric.trend.reason === 'first-period')) {
      this.situations.add('first-period');
      const first = this.summary.window.periods[0];
      if (usage !== 'not-used' && first !== undefined) {
        sentences.push(
          `As ${periodPhrase(first)} is the project's first period, there is no earlier period to compare with.`,
        );
      }
    }
    for (const metric of this.usageMetrics) sentences.push(this.usageTrendSentence(metric));
    if (usage === 'used')
      for (const metric of this.usageMetrics) sentences.push(this.usageBaselineSentence(metric));
    return this.join(sentences);
  }

  /** "It delivered 393,888 CPU-hours in P2 (M07–M12)." or the window total with each period's share. */
  private deliveredSentence(metric: MetricSummary): string | null {
    const total = numberOf(metric.aggregate);
    if (total === null) return null;
    const which = this.usageMetrics.length > 1 ? ` (${metric.label})` : '';
    const periods = metric.periods;
    const only = periods.length === 1 ? periods[0] : undefined;
    if (only !== undefined) {
      return `It delivered ${this.quotePeriodValue(metric, only, total)} ${metric.unit}${which} in ${pointPhrase(only)}.`;
    }
    const window = this.summary.window;
    const totalText = this.figures.number(metric, window.id, window.label, total, metric.aggregateFrom);
    const parts = periods.map((period) => {
      const value = numberOf(period.value);
      const where = pointPhrase(period);
      return value === null
        ? `no value for ${where}`
        : `${this.quotePeriodValue(metric, period, value)} in ${where}`;
    });
    return `It delivered ${totalText} ${metric.unit}${which} over ${window.label}: ${this.format.list(parts)}.`;
  }

  private trendLead(): string {
    if (this.trendLeadUsed) return '';
    this.trendLeadUsed = true;
    return 'As can be seen, ';
  }

  private point(metric: MetricSummary, point: TrendPoint): string {
    const value = point.value ?? 0;
    return `${this.quotePeriodValue(metric, point, value)} ${metric.unit} in ${pointPhrase(point)}`;
  }

  private changeText(metric: MetricSummary, percent: number): string {
    const { from, to } = metric.trend;
    const periods = from === null ? [to.periodId] : [from.periodId, to.periodId];
    const label = `change from ${from?.periodId ?? '?'} to ${to.periodId}`;
    return this.figures.metric(
      metric,
      'change',
      label,
      this.format.percent(Math.abs(percent)),
      percent,
      periods,
    );
  }

  private usageTrendSentence(metric: MetricSummary): string | null {
    const { trend } = metric;
    const { from, to } = trend;
    const what = this.usageMetrics.length > 1 ? `usage (${metric.label})` : 'usage';
    if (from === null) return null;
    switch (trend.direction) {
      case 'up':
        this.situations.add('growing');
        return this.sentence(
          `${this.trendLead()}${what} grew from ${this.point(metric, from)} to ${this.point(metric, to)}, an increase of ${this.changeText(metric, trend.changePercent ?? 0)}.`,
        );
      case 'down':
        this.situations.add('shrinking');
        return this.sentence(
          `${this.trendLead()}${what} decreased from ${this.point(metric, from)} to ${this.point(metric, to)}, a decrease of ${this.changeText(metric, trend.changePercent ?? 0)}.`,
        );
      case 'new':
        this.situations.add('started');
        return this.sentence(
          `${this.trendLead()}${what} started in ${pointPhrase(to)} with ${this.quotePeriodValue(metric, to, to.value ?? 0)} ${metric.unit}, after ${this.point(metric, from)}.`,
        );
      case 'stopped':
        this.situations.add('stopped');
        return this.sentence(
          `${this.trendLead()}${what} stopped: it went from ${this.point(metric, from)} to ${this.point(metric, to)}.`,
        );
      case 'flat':
        if ((to.value ?? 0) === 0) return null;
        this.situations.add('stable');
        return this.sentence(
          `${this.trendLead()}${what} was stable: ${this.point(metric, from)} and ${this.point(metric, to)}.`,
        );
      default:
        if (trend.reason === 'missing-previous') {
          return `The change since ${pointPhrase(from)} cannot be given, as its value for the ${lowerFirst(metric.label)} is missing.`;
        }
        return null;
    }
  }

  private baselineText(metric: MetricSummary, attainment: NumberAttainment, unit: string): string {
    return `${comparatorWords(attainment.comparator)}${this.figures.number(metric, 'baseline', 'baseline', attainment.baseline, [])}${unit}`;
  }

  private ratioText(metric: MetricSummary, attainment: NumberAttainment): string | null {
    if (attainment.ratio === null) return null;
    const label = `${this.summary.window.id} as a share of the ${attainment.basis === 'pro-rata' ? 'pro-rated ' : ''}baseline`;
    const percent = attainment.ratio * 100;
    const text = this.format.percent(percent);
    return this.figures.metric(metric, 'baseline-percent', label, text, percent, metric.aggregateFrom);
  }

  /** The baseline pro-rated to the window, as the figure the text compares the delivered amount with. */
  private proRataTarget(metric: MetricSummary, attainment: NumberAttainment, label: string): string {
    const target = reportedTarget(attainment);
    return this.figures.number(metric, 'baseline-pro-rata', label, target, this.windowPeriods());
  }

  /** Numbers-only statement of a baseline that could not be read, so nobody believes it was compared. */
  private unreadableBaseline(metric: MetricSummary): string | null {
    if (metric.baselineStatus !== 'unreadable') return null;
    return `The baseline of the ${lowerFirst(metric.label)} ("${metric.baselineAsTyped}") could not be read, so no comparison is made.`;
  }

  private usageBaselineSentence(metric: MetricSummary): string | null {
    const attainment = metric.attainment;
    if (attainment === null) return this.unreadableBaseline(metric);
    if (attainment.type !== 'number') return null;
    const unit = ` ${metric.unit}`;
    const situation = baselineSituation(attainment);
    if (situation !== null) this.situations.add(situation);
    const actual = this.figures.number(
      metric,
      this.summary.window.id,
      this.summary.window.label,
      attainment.actual,
      metric.aggregateFrom,
    );
    const ratio = this.ratioText(metric, attainment);
    const standing = standingWords(attainment);
    if (attainment.target === 0 && attainment.actual === 0) {
      return `This matches its baseline of ${this.baselineText(metric, attainment, unit)}.`;
    }
    const share = ratio === null ? standing : `${ratio} of it, ${standing}`;
    if (attainment.basis === 'pro-rata' && attainment.factor !== 1) {
      const months = this.summary.window.months;
      const label = `baseline pro-rated to the ${months} months of ${this.summary.window.label}`;
      const target = this.proRataTarget(metric, attainment, label);
      return `Pro rata, its baseline of ${this.baselineText(metric, attainment, unit)} ${spanWords(attainment.span)} amounts to ${comparatorWords(attainment.comparator)}${target}${unit} for the ${months} ${this.format.noun(months, 'month', 'months')} of ${this.summary.window.label}; the ${actual}${unit} delivered are ${share}.`;
    }
    return `Against its baseline of ${this.baselineText(metric, attainment, unit)} ${spanWords(attainment.span)}, the ${actual}${unit} delivered are ${share}.`;
  }

  private countsParagraph(): string {
    return this.join(
      this.installation.metrics
        .filter((metric) => metric.kind === 'count')
        .map((metric) => this.countSentence(metric)),
    );
  }

  private subject(metric: MetricSummary): string {
    return `The ${lowerFirst(metric.label)}`;
  }

  private countTrendClause(metric: MetricSummary): string {
    const { trend } = metric;
    const from = trend.from;
    if (from === null || from.value === null || trend.to.value === null) return '';
    const where = `${this.quotePeriodValue(metric, from, from.value)} in ${pointPhrase(from)}`;
    switch (trend.direction) {
      case 'up':
      case 'new':
        return trend.changePercent === null
          ? `, up from ${where}`
          : `, up from ${where} (an increase of ${this.changeText(metric, trend.changePercent)})`;
      case 'down':
      case 'stopped':
        return `, down from ${where} (a decrease of ${this.changeText(metric, trend.changePercent ?? -100)})`;
      case 'flat':
        return `, as in ${pointPhrase(from)}`;
      default:
        return '';
    }
  }

  private countBaselineClause(metric: MetricSummary): string {
    const attainment = metric.attainment;
    if (attainment?.type !== 'number') return '';
    const baseline = this.baselineText(metric, attainment, '');
    if (attainment.target === 0 && attainment.actual === 0)
      return `; this matches its baseline of ${baseline}`;
    const ratio = this.ratioText(metric, attainment);
    const standing = standingWords(attainment);
    if (attainment.basis === 'pro-rata' && attainment.factor !== 1) {
      const label = `baseline pro-rated to ${this.summary.window.label}`;
      const target = this.proRataTarget(metric, attainment, label);
      return `; against its baseline of ${baseline} ${spanWords(attainment.span)}, ${comparatorWords(attainment.comparator)}${target} pro rata, this is ${ratio === null ? standing : `${ratio}, ${standing}`}`;
    }
    return `; against its baseline of ${baseline} ${spanWords(attainment.span)}, this is ${ratio === null ? standing : `${ratio}, ${standing}`}`;
  }

  private aggregateWords(metric: MetricSummary): string {
    if (metric.aggregateBasis === 'sum') return 'their sum';
    if (metric.aggregateBasis === 'latest') return 'the latest value, as it is a stock and is not added up';
    return 'the highest single period, as it is not added up across periods';
  }

  private countSentence(metric: MetricSummary): string | null {
    const total = numberOf(metric.aggregate);
    if (total === null) return null;
    const window = this.summary.window;
    const present = metric.periods.filter(
      (period): period is PeriodValue & { value: { type: 'number' } } => period.value?.type === 'number',
    );
    if (metric.periods.length === 1) {
      const [only] = present;
      if (only === undefined) return null;
      const value = this.quotePeriodValue(metric, only, only.value.value);
      return `${this.subject(metric)} was ${value} in ${pointPhrase(only)}${this.countTrendClause(metric)}${this.countBaselineClause(metric)}.`;
    }
    const perPeriod = present.map(
      (period) => `${this.quotePeriodValue(metric, period, period.value.value)} in ${pointPhrase(period)}`,
    );
    const totalText = this.figures.number(metric, window.id, window.label, total, metric.aggregateFrom);
    return `${this.subject(metric)} was ${this.format.list(perPeriod)}; the figure for ${window.label} is ${totalText} (${this.aggregateWords(metric)})${this.countBaselineClause(metric)}.`;
  }

  private notesParagraph(): string {
    return this.join([this.missingSentence(), this.unreadableBaselinesSentence()]);
  }

  /** Baselines the parser could not read (the validator says why): the text must not pretend they were compared. */
  private unreadableBaselinesSentence(): string | null {
    const unreadable = this.installation.metrics.filter(
      (metric) => metric.baselineStatus === 'unreadable' && !metric.isUsage,
    );
    if (unreadable.length === 0) return null;
    const items = unreadable.map((metric) => `the ${lowerFirst(metric.label)} ("${metric.baselineAsTyped}")`);
    return `The ${unreadable.length === 1 ? 'baseline' : 'baselines'} of ${this.format.list(items)} could not be read, so no comparison is made.`;
  }

  private missingSentence(): string | null {
    const missing = this.installation.metrics.filter((metric) => metric.missingPeriods.length > 0);
    if (missing.length === 0) return null;
    this.situations.add('values-missing');
    const items = missing.map((metric) => {
      const periods = metric.periods
        .filter((period) => period.value === null)
        .map((period) => pointPhrase(period));
      const label = this.figures.quote(
        `${metric.metricId}/missing`,
        `Metric without a value in ${this.format.list(metric.missingPeriods)}`,
        metric.label,
        metric.missingPeriods,
        metric.missingPeriods,
        metric.metricId,
      );
      return `${label} (${this.format.list(periods)})`;
    });
    return `Values are still missing for: ${this.format.list(items)}. The figures above leave them out.`;
  }
}

/** The assessment draft of one installation for the summary's window. */
export function draftAssessment(
  installation: InstallationSummary,
  summary: WindowSummary,
  options: DraftOptions = {},
): AssessmentDraft {
  return new AssessmentWriter(installation, summary, options).write();
}
