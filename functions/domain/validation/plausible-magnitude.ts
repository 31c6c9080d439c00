import { MAX_PLAUSIBLE_FIGURE, MIN_NONZERO_FIGURE } from '../config/figure-bounds';
import type { MetricDefinition } from '../config/metric-definition-schema';
import { ASSIGNED_COUNTRY_COUNT } from '../parsing/country-codes';
import { formatNumber } from '../parsing/format-metric-value';
import type { ParseFinding } from '../parsing/parse-finding';

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
