import type { MetricValue } from '../entries/metric-value';

/** How an empty country list prints, so that it cannot be mistaken for an empty cell. */
export const EMPTY_COUNTRY_LIST_TEXT = 'none';

// Building an Intl.NumberFormat costs far more than formatting with it: one per locale.
const formatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, locale = 'en'): string {
  let formatter = formatters.get(locale);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
    formatters.set(locale, formatter);
  }
  return formatter.format(value);
}

/** The value as the report prints it: "94,656", "3.4", "> 200", "ES, PT". */
export function formatMetricValue(value: MetricValue, locale = 'en'): string {
  if (value.type === 'countries') {
    return value.codes.length === 0 ? EMPTY_COUNTRY_LIST_TEXT : value.codes.join(', ');
  }
  const number = formatNumber(value.value, locale);
  return value.comparator === undefined ? number : `${value.comparator} ${number}`;
}
