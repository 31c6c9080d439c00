import type { PeriodId, ReportingPeriod } from '../calendar/reporting-period';
import type { ReportingWindow, WindowKind } from '../calendar/reporting-window';

/** A period as a summary quotes it: plain data, so a summary survives JSON (storage, HTTP) unchanged. */
export interface PeriodRef {
  id: PeriodId;
  /** "M07–M12" */
  label: string;
  firstMonth: number;
  lastMonth: number;
}

export interface WindowRef {
  id: string;
  kind: WindowKind;
  /** "PY1 (M01–M12)" */
  label: string;
  firstMonth: number;
  lastMonth: number;
  /** Months the window covers. */
  months: number;
  /** First day, ISO date in the project's time zone. */
  startDate: string;
  /** Last day, inclusive, ISO date in the project's time zone. */
  endDate: string;
  periods: PeriodRef[];
}

export function periodRef(period: ReportingPeriod): PeriodRef {
  return { id: period.id, label: period.label, firstMonth: period.firstMonth, lastMonth: period.lastMonth };
}

export function windowRef(window: ReportingWindow): WindowRef {
  return {
    id: window.id,
    kind: window.kind,
    label: window.label,
    firstMonth: window.firstMonth,
    lastMonth: window.lastMonth,
    months: window.lastMonth - window.firstMonth + 1,
    startDate: window.start.toISODate() ?? '',
    endDate: window.end.minus({ days: 1 }).toISODate() ?? '',
    periods: window.periods.map(periodRef),
  };
}
