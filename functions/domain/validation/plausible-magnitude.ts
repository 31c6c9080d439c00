import type { MetricDefinition } from '../config/metric-definition-schema';
import { ASSIGNED_COUNTRY_COUNT } from '../parsing/country-codes';
import { formatNumber } from '../parsing/format-metric-value';
import type { ParseFinding } from '../parsing/parse-finding';

/**
 * More than any installation reports, whatever it measures: the largest machines have about ten
 * million cores (10^11 core-hours a year), there are fewer than 10^10 people to count and 10^12
 * TB-month is a zettabyte kept for a month. A figure above it is a slip (an exponent, a pasted id),
 * and bounding every figure keeps every sum and percentage built from them finite.
 */
export const MAX_PLAUSIBLE_FIGURE = 1e12;

/**
 * Figures print with at most six decimals: anything smaller than this but not zero would print
 * as "0" while acting as a divisor in trends, so it is refused rather than shown wrongly.
 */
export const MIN_NONZERO_FIGURE = 1e-6;

/** Exponent notation where grouped digits would run to hundreds of characters (1e+308). */
export function shownFigure(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e15 || (size > 0 && size < MIN_NONZERO_FIGURE)) return value.toExponential();
  return formatNumber(value);
}

function ceilingOf(metric: Pick<MetricDefinition, 'kind' | 'unit'>): { limit: number; why: string } {
  if (metric.kind === 'country-count') {
    return { limit: ASSIGNED_COUNTRY_COUNT, why: 'the number of countries ISO 3166-1 lists' };
  }
  return { limit: MAX_PLAUSIBLE_FIGURE, why: 'more than any installation reports' };
}

/**
 * 'implausible-value' when a figure is beyond what can be reported: above the ceiling of its kind, or
 * a positive figure too small to print. Applies to every number however it arrived (a JSON number,
 * typed text, a suffix or a unit), since all of them go through parseMetricInput.
 */
export function checkMagnitude(
  metric: Pick<MetricDefinition, 'kind' | 'unit'>,
  value: number,
): ParseFinding[] {
  const { limit, why } = ceilingOf(metric);
  if (value > limit) {
    return [
      {
        ruleId: 'implausible-value',
        found: shownFigure(value),
        expected: `at most ${formatNumber(limit)} ${metric.unit} (${why})`,
      },
    ];
  }
  if (value > 0 && value < MIN_NONZERO_FIGURE) {
    return [
      {
        ruleId: 'implausible-value',
        found: shownFigure(value),
        expected: `0, or at least ${formatNumber(MIN_NONZERO_FIGURE)} ${metric.unit} (smaller figures print as 0)`,
      },
    ];
  }
  return [];
}
