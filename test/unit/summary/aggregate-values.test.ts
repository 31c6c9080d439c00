import type { Aggregation } from '../../../functions/domain/config/metric-definition-schema';
import type { MetricValue } from '../../../functions/domain/entries/metric-value';
import { aggregateValues } from '../../../functions/domain/summary/aggregate-values';
import { countries, number } from '../../fixtures/imagine-values';

const over = (...values: (MetricValue | null)[]) =>
  values.map((value, index) => ({ periodId: `P${index + 1}` as const, value }));

describe('aggregateValues: one metric over the periods of a window', () => {
  it.each<[string, Aggregation, (MetricValue | null)[], MetricValue | null, string[]]>([
    ['hours add up', 'sum', [number(94656), number(393888)], number(488544), ['P1', 'P2']],
    ['decimals add up exactly', 'sum', [number(0.1), number(0.2)], number(0.3), ['P1', 'P2']],
    ['a missing period is left out of a sum', 'sum', [null, number(3.4)], number(3.4), ['P2']],
    ['a stock takes the latest period', 'latest', [number(5), number(5)], number(5), ['P2']],
    ['latest skips a missing last period', 'latest', [number(4), null], number(4), ['P1']],
    ['users take the largest period', 'max', [number(20), number(16)], number(20), ['P1']],
    [
      'country lists are a union in first-seen order',
      'union',
      [countries('FR, BE, ES'), countries('ES, DE')],
      countries('FR, BE, ES, DE'),
      ['P1', 'P2'],
    ],
    [
      'an empty list ("0") adds nothing',
      'union',
      [countries(''), countries('PT')],
      countries('PT'),
      ['P1', 'P2'],
    ],
    ['all periods missing gives no figure', 'sum', [null, null], null, []],
  ])('%s', (_, aggregation, values, expected, from) => {
    const aggregate = aggregateValues(aggregation, over(...values));
    expect(aggregate?.value ?? null).toEqual(expected);
    expect(aggregate?.from ?? []).toEqual(from);
  });
});
