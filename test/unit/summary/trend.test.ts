import type { MetricValue } from '../../../functions/domain/entries/metric-value';
import { trendOf } from '../../../functions/domain/summary/trend';
import { countries, number } from '../../fixtures/imagine-values';

const p1 = (value: MetricValue | null) => ({ periodId: 'P1' as const, label: 'M01–M06', value });
const p2 = (value: MetricValue | null) => ({ periodId: 'P2' as const, label: 'M07–M12', value });

describe('trendOf: the last period against the one before', () => {
  it.each<[string, MetricValue | null, MetricValue | null, string, number | null]>([
    ['IFCA CPU grew', number(94656), number(393888), 'up', 316.1],
    ['IFCA GPU decreased', number(10800), number(3600), 'down', -66.7],
    ['INCD CPU started', number(0), number(174003), 'new', null],
    ['a stop to zero', number(3600), number(0), 'stopped', -100],
    ['models developed stayed at 5', number(5), number(5), 'flat', 0],
    ['never used', number(0), number(0), 'flat', null],
    ['previous value missing', null, number(5), 'unknown', null],
    ['current value missing', number(5), null, 'unknown', null],
  ])('%s', (_, previous, current, direction, percent) => {
    const trend = trendOf(p1(previous), p2(current));
    expect(trend.direction).toBe(direction);
    if (percent === null) expect(trend.changePercent).toBeNull();
    else expect(trend.changePercent).toBeCloseTo(percent, 1);
  });

  it('says why it is unknown', () => {
    expect(trendOf(p1(null), p2(number(1))).reason).toBe('missing-previous');
    expect(trendOf(p1(number(1)), p2(null)).reason).toBe('missing-current');
    expect(trendOf(null, p1(number(1)))).toMatchObject({
      direction: 'unknown',
      reason: 'first-period',
      from: null,
    });
  });

  it('compares country lists by size and names the countries gained and lost', () => {
    const trend = trendOf(
      p1(countries('FR, BE, ES, IT, PT, IE')),
      p2(countries('FR, BE, ES, IE, DE, SK, NL')),
    );
    expect(trend).toMatchObject({
      direction: 'up',
      change: 1,
      added: ['DE', 'SK', 'NL'],
      removed: ['IT', 'PT'],
    });
  });

  it('gives a decimal change without floating-point noise', () => {
    expect(trendOf(p1(number(0.1)), p2(number(0.3))).change).toBe(0.2);
  });
});
