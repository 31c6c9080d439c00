import type { MetricValue } from '../../../functions/domain/entries/metric-value';
import { formatMetricValue } from '../../../functions/domain/parsing/format-metric-value';

describe('formatMetricValue prints values as the report does', () => {
  it.each<[MetricValue, string, string]>([
    [{ type: 'number', value: 94656 }, 'en', '94,656'],
    [{ type: 'number', value: 3.4 }, 'en', '3.4'],
    [{ type: 'number', value: 29433.6 }, 'en', '29,433.6'],
    [{ type: 'number', value: 200, comparator: '>' }, 'en', '> 200'],
    [{ type: 'number', value: 94656 }, 'de-DE', '94.656'],
    [{ type: 'countries', codes: ['ES', 'PT'] }, 'en', 'ES, PT'],
    [{ type: 'countries', codes: [] }, 'en', 'none'],
  ])('%j in %s → %s', (value, locale, text) => {
    expect(formatMetricValue(value, locale)).toBe(text);
  });

  it('uses English by default', () => {
    expect(formatMetricValue({ type: 'number', value: 1234567 })).toBe('1,234,567');
  });
});
