import type { MetricValue } from '../entries/metric-value';

/** How an empty country list prints, so that it cannot be mistaken for an empty cell. */
export const EMPTY_COUNTRY_LIST_TEXT = 'none';

export function formatNumber(value: number, locale = 'en'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
}

/** The value as the report prints it: "94,656", "3.4", "> 200", "ES, PT". */
export function formatMetricValue(value: MetricValue, locale = 'en'): string {
  if (value.type === 'countries') {
    return value.codes.length === 0 ? EMPTY_COUNTRY_LIST_TEXT : value.codes.join(', ');
  }
  const number = formatNumber(value.value, locale);
  return value.comparator === undefined ? number : `${value.comparator} ${number}`;
}
