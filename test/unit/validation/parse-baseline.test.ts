import type { MetricKind } from '../../../functions/domain/config/metric-definition-schema';
import type { MetricValue } from '../../../functions/domain/entries/metric-value';
import { parseBaseline } from '../../../functions/domain/validation/parse-baseline';
import { singleMetricConfig } from '../../fixtures/tiny-config';

function baselineOf(kind: MetricKind, baseline: string | number | null, locale?: string): MetricValue | null {
  const config = singleMetricConfig({ id: 'metric', kind, baseline }, locale);
  const metric = config.installations[0]?.metrics[0];
  if (metric === undefined) throw new Error('fixture has no metric');
  return parseBaseline(metric, config.project);
}

describe('parseBaseline', () => {
  it.each<[MetricKind, string | number | null, string | undefined, MetricValue | null]>([
    ['hours', 3000000, undefined, { type: 'number', value: 3000000 }],
    ['hours', '3M', undefined, { type: 'number', value: 3000000 }],
    ['hours', '1M', 'en', { type: 'number', value: 1000000 }],
    ['hours', '4.000.000', 'en', { type: 'number', value: 4000000 }],
    ['hours', '11,586,723', 'en', { type: 'number', value: 11586723 }],
    ['hours', '3,900,000', undefined, { type: 'number', value: 3900000 }],
    ['hours', '29433.6', 'en', { type: 'number', value: 29433.6 }],
    ['hours', '> 15000', 'en', { type: 'number', value: 15000, comparator: '>' }],
    ['count', '> 200', 'en', { type: 'number', value: 200, comparator: '>' }],
    ['count', '0', 'en', { type: 'number', value: 0 }],
    ['tb-month', '1 PB', 'en', { type: 'number', value: 1000 }],
    ['tb-month', '> 100', 'en', { type: 'number', value: 100, comparator: '>' }],
    ['country-count', '9', 'en', { type: 'number', value: 9 }],
    ['country-list', 'ES, PT', 'en', { type: 'countries', codes: ['ES', 'PT'] }],
    [
      'country-list',
      'ES, PT, FR, UK, IT, GE',
      'en',
      { type: 'countries', codes: ['ES', 'PT', 'FR', 'GB', 'IT', 'GE'] },
    ],
    ['country-list', '0', 'en', { type: 'countries', codes: [] }],
    ['country-list', 'none', 'en', { type: 'countries', codes: [] }],
    // No baseline.
    ['country-list', 'N/A', 'en', null],
    ['hours', 'n/a', 'en', null],
    ['hours', null, 'en', null],
    ['hours', '', 'en', null],
    ['country-list', '   ', 'en', null],
    // Unparseable: null here, reported by validateBaselines.
    ['country-list', 'SP, PT', 'en', null],
    ['hours', '1 PB', 'en', null],
    ['hours', 'lots', 'en', null],
    ['hours', '-5', 'en', null],
    ['count', '2.5', 'en', null],
    ['hours', '=IMPORTXML("x")', 'en', null],
  ])('%s baseline %j (locale %s) → %j', (kind, baseline, locale, expected) => {
    expect(baselineOf(kind, baseline, locale)).toEqual(expected);
  });
});
