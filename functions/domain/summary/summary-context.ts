import type { ReportingPeriod } from '../calendar/reporting-period';
import type { ReportingWindow } from '../calendar/reporting-window';
import type { Project } from '../config/project-schema';
import type { PeriodValue } from './metric-summary';
import type { ValueLookup } from './value-lookup';

/** What summarize's parts share about the window being summarised. */
export interface SummaryContext {
  project: Project;
  window: ReportingWindow;
  windowMonths: number;
  lookup: ValueLookup;
  /** The period before the window's last one, which trends compare against; null for P1. */
  previousPeriod: ReportingPeriod | null;
}

export function valuesOver(
  lookup: ValueLookup,
  installationId: string,
  metricId: string,
  periods: readonly ReportingPeriod[],
): PeriodValue[] {
  return periods.map((period) => ({
    periodId: period.id,
    label: period.label,
    value: lookup(installationId, metricId, period.id),
  }));
}
