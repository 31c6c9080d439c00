import type { Aggregation, BaselineSpan } from '../../../functions/domain/config/metric-definition-schema';
import type { MetricValue } from '../../../functions/domain/entries/metric-value';
import { attainmentOf } from '../../../functions/domain/summary/baseline-attainment';
import { countries, number } from '../../fixtures/imagine-values';

const project = { durationMonths: 36, periodMonths: 6 };
const compare = (
  aggregation: Aggregation,
  span: BaselineSpan,
  baseline: MetricValue | null,
  actual: MetricValue | null,
  windowMonths = 6,
) => attainmentOf({ aggregation, span, baseline, actual, windowMonths, project });

describe('attainmentOf: a window figure against the baseline', () => {
  it.each<[string, Aggregation, BaselineSpan, number, number, number, number]>([
    ['a period against a project baseline sees a sixth of it', 'sum', 'project', 6, 3000000, 500000, 1 / 6],
    ['a year against a project baseline sees a third', 'sum', 'project', 12, 3000000, 1000000, 1 / 3],
    ['a period against a yearly baseline sees half', 'sum', 'year', 6, 1000, 500, 1 / 2],
    ['a year against a per-period baseline sees two periods', 'sum', 'period', 12, 500, 1000, 2],
    ['a stock is compared as it is', 'latest', 'period', 12, 30, 30, 1],
    ['a maximum is compared as it is', 'max', 'project', 6, 200, 200, 1],
  ])('%s', (_, aggregation, span, windowMonths, baseline, target, factor) => {
    const attainment = compare(aggregation, span, number(baseline), number(100), windowMonths);
    expect(attainment).toMatchObject({ type: 'number', target, factor });
    expect(attainment?.type === 'number' && attainment.basis).toBe(
      aggregation === 'sum' ? 'pro-rata' : 'direct',
    );
  });

  it.each<[string, MetricValue, number, boolean, string]>([
    ['16 users against 200: below', number(200), 16, false, 'below'],
    ['250 users against 200: above', number(200), 250, true, 'above'],
    ['200 users against 200: met, at', number(200), 200, true, 'at'],
    ['200 users against "> 200": not met', { type: 'number', value: 200, comparator: '>' }, 200, false, 'at'],
    ['201 users against "> 200": met', { type: 'number', value: 200, comparator: '>' }, 201, true, 'above'],
    ['200 users against ">= 200": met', { type: 'number', value: 200, comparator: '>=' }, 200, true, 'at'],
    [
      '150 against "< 200" (a ceiling): met',
      { type: 'number', value: 200, comparator: '<' },
      150,
      true,
      'below',
    ],
    ['250 against "<= 200": not met', { type: 'number', value: 200, comparator: '<=' }, 250, false, 'above'],
  ])('%s', (_, baseline, actual, met, standing) => {
    expect(compare('max', 'period', baseline, number(actual))).toMatchObject({ met, standing });
  });

  it('pro-rates a comparator baseline: "> 15000" over the project is more than 2,500 a period', () => {
    const attainment = compare(
      'sum',
      'project',
      { type: 'number', value: 15000, comparator: '>' },
      number(0),
    );
    expect(attainment).toMatchObject({ target: 2500, comparator: '>', met: false, ratio: 0 });
  });

  it('gives no ratio against a zero baseline, and 0 against 0 is met', () => {
    expect(compare('sum', 'project', number(0), number(0))).toMatchObject({
      ratio: null,
      met: true,
      standing: 'at',
    });
  });

  it('shares the baseline countries reached and lists those beyond it', () => {
    const attainment = compare('union', 'period', countries('ES, PT'), countries('FR, BE, ES, IE'));
    expect(attainment).toEqual({
      type: 'countries',
      baseline: ['ES', 'PT'],
      reached: ['FR', 'BE', 'ES', 'IE'],
      baselineReached: ['ES'],
      baselineNotReached: ['PT'],
      beyondBaseline: ['FR', 'BE', 'IE'],
      share: 0.5,
      met: false,
    });
  });

  it('has no share against an empty baseline ("0"): every country reached is beyond it', () => {
    expect(compare('union', 'period', countries(''), countries('IE'))).toMatchObject({
      share: null,
      beyondBaseline: ['IE'],
      met: true,
    });
  });

  it.each<[string, MetricValue | null, MetricValue | null]>([
    ['no baseline', null, number(1)],
    ['no value', number(1), null],
    ['a number against a country list', number(2), countries('ES')],
  ])('compares nothing with %s', (_, baseline, actual) => {
    expect(compare('max', 'period', baseline, actual)).toBeNull();
  });
});
