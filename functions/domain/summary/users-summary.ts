import type { PeriodId } from '../calendar/reporting-period';

export interface UsersFigure {
  installationId: string;
  metricId: string;
  label: string;
  /** Each period's figure; null when missing. */
  perPeriod: { periodId: PeriodId; label: string; value: number | null }[];
  /** The window figure by the metric's rule (the largest period for "max"); null when all missing. */
  value: number | null;
  /** Periods the window figure comes from. */
  from: PeriodId[];
}

/**
 * Users are never added up: the same people use several installations and come back period after
 * period. The project-wide figure is the largest single installation's, a lower bound of the truth.
 */
export interface UsersSummary {
  perInstallation: UsersFigure[];
  lowerBound: { value: number; installationId: string; metricId: string; from: PeriodId[] } | null;
}

export { isUsersMetric } from '../config/users-metric';
