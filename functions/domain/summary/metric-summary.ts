import type { PeriodId } from '../calendar/reporting-period';
import type { Aggregation, MetricKind } from '../config/metric-definition-schema';
import type { MetricValue } from '../entries/metric-value';
import type { BaselineAttainment } from './baseline-attainment';
import type { Trend } from './trend';

export interface PeriodValue {
  periodId: PeriodId;
  /** "M07–M12" */
  label: string;
  /** null when nobody entered an accepted value. */
  value: MetricValue | null;
}

/**
 * How the window figure was obtained: the metric's rule, or, for a country count tied to a country
 * list (countOf), the size of that list's union, so "9 countries" agrees with the 9 names listed.
 */
export type AggregateBasis = Aggregation | 'count-of-union';

export interface MetricSummary {
  metricId: string;
  label: string;
  kind: MetricKind;
  unit: string;
  aggregation: Aggregation;
  countsToward: string | null;
  /** Hours or TB-month: decides whether the installation was used. */
  isUsage: boolean;
  /** One entry per period of the window, in order. */
  periods: PeriodValue[];
  /** The window figure; null when every period is missing. */
  aggregate: MetricValue | null;
  aggregateBasis: AggregateBasis;
  /** Periods the window figure draws on (the one period for latest and max). */
  aggregateFrom: PeriodId[];
  missingPeriods: PeriodId[];
  /** The baseline as the coordinator typed it ("3M", "> 200"), for quoting. */
  baselineAsTyped: string | null;
  /** The baseline parsed; null when there is none or it could not be read. */
  baseline: MetricValue | null;
  /** none: no baseline ("N/A", empty); unreadable: typed but rejected by the parser (the validator says why). */
  baselineStatus: 'parsed' | 'none' | 'unreadable';
  attainment: BaselineAttainment | null;
  /** The window's last period against the one before it. */
  trend: Trend;
}
