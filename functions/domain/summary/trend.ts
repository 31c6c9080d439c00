import type { PeriodId } from '../calendar/reporting-period';
import type { MetricValue } from '../entries/metric-value';
import { magnitudeOf } from './aggregate-values';
import { countriesNotIn } from './country-set';
import { subtractExactly } from './exact-sum';

/**
 * How the window's last period compares with the period before it (which may lie before the window):
 * new = from 0 to more; stopped = from more to 0; unknown = a value is missing or there is no earlier period.
 */
export type TrendDirection = 'up' | 'down' | 'flat' | 'new' | 'stopped' | 'unknown';

export type TrendUnknownReason = 'first-period' | 'missing-previous' | 'missing-current';

export interface TrendPoint {
  periodId: PeriodId;
  /** "M01–M06" */
  label: string;
  /** The figure compared: the number, or how many countries the list holds. */
  value: number | null;
}

export interface Trend {
  direction: TrendDirection;
  /** null for the project's first period. */
  from: TrendPoint | null;
  to: TrendPoint;
  change: number | null;
  /** (to − from) / from x 100; null when from is 0 or a side is missing. */
  changePercent: number | null;
  reason?: TrendUnknownReason;
  /** For country lists: countries that appear in the later period only, and those that dropped out. */
  added?: string[];
  removed?: string[];
}

export interface TrendSide {
  periodId: PeriodId;
  label: string;
  value: MetricValue | null;
}

export function trendOf(previous: TrendSide | null, current: TrendSide): Trend {
  const to: TrendPoint = {
    periodId: current.periodId,
    label: current.label,
    value: magnitudeOf(current.value),
  };
  const from: TrendPoint | null =
    previous === null
      ? null
      : { periodId: previous.periodId, label: previous.label, value: magnitudeOf(previous.value) };
  const unknown = (reason: TrendUnknownReason): Trend => ({
    direction: 'unknown',
    from,
    to,
    change: null,
    changePercent: null,
    reason,
  });
  if (from === null) return unknown('first-period');
  if (to.value === null) return unknown('missing-current');
  if (from.value === null) return unknown('missing-previous');
  const change = subtractExactly(to.value, from.value);
  const trend: Trend = {
    direction:
      change === 0
        ? 'flat'
        : from.value === 0
          ? 'new'
          : to.value === 0
            ? 'stopped'
            : change > 0
              ? 'up'
              : 'down',
    from,
    to,
    change,
    changePercent: from.value === 0 ? null : (change / from.value) * 100,
  };
  if (previous?.value?.type === 'countries' && current.value?.type === 'countries') {
    trend.added = countriesNotIn(current.value.codes, previous.value.codes);
    trend.removed = countriesNotIn(previous.value.codes, current.value.codes);
  }
  return trend;
}
