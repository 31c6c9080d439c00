import type { PeriodId } from '../calendar/reporting-period';
import type { CountryAttainment } from '../summary/baseline-attainment';
import type { AssessmentContext } from './assessment-context';
import { periodPhrase, pointPhrase, upperFirst } from './draft-format';

function windowPeriods(context: AssessmentContext): PeriodId[] {
  return context.summary.window.periods.map((period) => period.id);
}

function quoteCountries(
  context: AssessmentContext,
  key: string,
  label: string,
  codes: readonly string[],
  periods: PeriodId[],
): string {
  return context.figures.quote(`countries/${key}`, label, codes.join(', '), [...codes], periods);
}

function quoteCount(
  context: AssessmentContext,
  key: string,
  label: string,
  count: number,
  periods: PeriodId[],
): string {
  return context.figures.quote(`countries/${key}`, label, context.format.number(count), count, periods);
}

/** The paragraph on the countries an installation's users came from, and how they compare with its baseline. */
export function countriesParagraph(context: AssessmentContext): string {
  const { installation, format, figures } = context;
  const countries = installation.countries;
  if (countries === null || countries.count === 0) return '';
  context.situations.add('countries-reached');
  const window = context.summary.window;
  const entered = countries.perPeriod.filter((period) => period.codes !== null);
  const listText = quoteCountries(
    context,
    window.id,
    `Countries reached, ${window.label}`,
    countries.codes,
    windowPeriods(context),
  );
  const countText = quoteCount(
    context,
    `${window.id}-count`,
    `Number of countries reached, ${window.label}`,
    countries.count,
    windowPeriods(context),
  );
  const noun = format.noun(countries.count, 'country', 'countries');
  const sentences: string[] = [];
  const users = installation.users;
  const last = window.periods[window.periods.length - 1];
  const lastUsers = users?.perPeriod[users.perPeriod.length - 1]?.value ?? null;
  const lastCountries = countries.perPeriod[countries.perPeriod.length - 1]?.codes ?? null;
  const quoteUsers = (value: number) =>
    figures.quote(
      `${users?.metricId ?? 'users'}/${last?.id ?? ''}`,
      `${users?.label ?? 'Number of users'}, ${last === undefined ? '' : periodPhrase(last)}`,
      format.number(value),
      value,
      last === undefined ? [] : [last.id],
      users?.metricId,
    );
  if (window.periods.length === 1 && last !== undefined) {
    sentences.push(
      lastUsers === null
        ? `In ${periodPhrase(last)} its users came from ${countText} ${noun} (${listText}).`
        : `In ${periodPhrase(last)} the installation served ${quoteUsers(lastUsers)} ${format.noun(lastUsers, 'user', 'users')} from ${countText} ${noun} (${listText}).`,
    );
  } else {
    const parts = entered.map((period) => {
      const codes = period.codes ?? [];
      const count = quoteCount(
        context,
        `${period.periodId}-count`,
        `Number of countries reached, ${pointPhrase(period)}`,
        codes.length,
        [period.periodId],
      );
      return `${count} in ${pointPhrase(period)}`;
    });
    sentences.push(
      `Over ${window.label} its users came from ${countText} ${noun} (${listText}), the union of the periods' lists (${format.list(parts)}).`,
    );
    if (lastUsers !== null && lastCountries !== null && last !== undefined) {
      const lastCount = quoteCount(
        context,
        `${last.id}-count`,
        `Number of countries reached, ${periodPhrase(last)}`,
        lastCountries.length,
        [last.id],
      );
      sentences.push(
        `In ${periodPhrase(last)} alone, the installation served ${quoteUsers(lastUsers)} ${format.noun(lastUsers, 'user', 'users')} from ${lastCount} ${format.noun(lastCountries.length, 'country', 'countries')}.`,
      );
    }
  }
  const attainment = installation.metrics.find((metric) => metric.attainment?.type === 'countries')
    ?.attainment as CountryAttainment | undefined;
  if (attainment !== undefined) sentences.push(...countryBaselineSentences(context, attainment));
  return sentences.join(' ');
}

function countryBaselineSentences(context: AssessmentContext, attainment: CountryAttainment): string[] {
  const { format, figures } = context;
  const window = context.summary.window;
  const sentences: string[] = [];
  if (attainment.share !== null) {
    const baselineCount = quoteCount(
      context,
      'baseline-count',
      'Number of baseline countries',
      attainment.baseline.length,
      [],
    );
    const baselineList = quoteCountries(context, 'baseline', 'Baseline countries', attainment.baseline, []);
    const reachedCount = quoteCount(
      context,
      'baseline-reached-count',
      `Baseline countries reached, ${window.label}`,
      attainment.baselineReached.length,
      windowPeriods(context),
    );
    const share = figures.quote(
      'countries/baseline-share',
      `Share of the baseline countries reached, ${window.label}`,
      format.percent(attainment.share * 100),
      attainment.share * 100,
      windowPeriods(context),
    );
    sentences.push(
      `Of the ${baselineCount} ${format.noun(attainment.baseline.length, 'country', 'countries')} of its baseline (${baselineList}), ${reachedCount} ${format.noun(attainment.baselineReached.length, 'was', 'were')} reached (${share}).`,
    );
  }
  if (attainment.beyondBaseline.length > 0) {
    context.situations.add('new-countries');
    const beyond = quoteCountries(
      context,
      'beyond-baseline',
      `Countries reached beyond the baseline, ${window.label}`,
      attainment.beyondBaseline,
      windowPeriods(context),
    );
    const count = attainment.beyondBaseline.length;
    sentences.push(
      attainment.share === null
        ? `Its baseline lists no country, so all countries reached are beyond it (${beyond}).`
        : `${upperFirst(format.number(count))} ${format.noun(count, 'country was', 'countries were')} reached beyond the baseline: ${beyond}.`,
    );
  }
  return sentences;
}
