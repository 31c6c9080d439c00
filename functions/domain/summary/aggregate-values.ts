import type { PeriodId } from '../calendar/reporting-period';
import type { Aggregation } from '../config/metric-definition-schema';
import type { MetricValue } from '../entries/metric-value';
import { unionOfCountries } from './country-set';
import { addExactly } from './exact-sum';

export interface PeriodValueInput {
  periodId: PeriodId;
  value: MetricValue | null;
}

export interface Aggregate {
  value: MetricValue;
  /** Periods the figure draws on: all present ones for sum and union, the one it comes from for latest and max. */
  from: PeriodId[];
}

/**
 * Combines one metric's values over several periods by its aggregation rule. Missing periods are
 * left out (the caller reports them); null when every period is missing.
 */
export function aggregateValues(
  aggregation: Aggregation,
  periods: readonly PeriodValueInput[],
): Aggregate | null {
  const present = periods.filter(
    (period): period is { periodId: PeriodId; value: MetricValue } => period.value !== null,
  );
  const last = present[present.length - 1];
  if (last === undefined) return null;
  const countryLists = present.flatMap((period) =>
    period.value.type === 'countries' ? [{ periodId: period.periodId, codes: period.value.codes }] : [],
  );
  // A country list only ever aggregates as a set union, whatever rule it carries.
  if (countryLists.length > 0 && aggregation !== 'latest') {
    return {
      value: { type: 'countries', codes: unionOfCountries(countryLists.map((list) => list.codes)) },
      from: countryLists.map((list) => list.periodId),
    };
  }
  if (aggregation === 'latest') return { value: last.value, from: [last.periodId] };
  const numbers = present.flatMap((period) =>
    period.value.type === 'number' ? [{ periodId: period.periodId, value: period.value.value }] : [],
  );
  if (numbers.length === 0) return null;
  if (aggregation === 'sum') {
    return {
      value: { type: 'number', value: addExactly(numbers.map((number) => number.value)) },
      from: numbers.map((number) => number.periodId),
    };
  }
  // "max", and "union" misapplied to numbers: the largest figure of any one period.
  const highest = numbers.reduce((best, number) => (number.value > best.value ? number : best));
  return { value: { type: 'number', value: highest.value }, from: [highest.periodId] };
}

export function numberOf(value: MetricValue | null): number | null {
  return value?.type === 'number' ? value.value : null;
}

/** Size of a value: the number itself, or how many countries a list holds. */
export function magnitudeOf(value: MetricValue | null): number | null {
  if (value === null) return null;
  return value.type === 'number' ? value.value : value.codes.length;
}
