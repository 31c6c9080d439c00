import { DateTime } from 'luxon';
import type { Project } from '../config/project-schema';

/** "P1", "P2"...: the project's reporting periods, numbered from the start. */
export type PeriodId = `P${number}`;

export interface ReportingPeriod {
  id: PeriodId;
  index: number;
  /** Project months covered, 1-based and inclusive: P1 of a 6-month cadence is 1..6. */
  firstMonth: number;
  lastMonth: number;
  /** Start of the first day, in the project's time zone. */
  start: DateTime;
  /** Start of the day after the last day (exclusive end). */
  end: DateTime;
  /** "M01–M06", as the report prints it. */
  label: string;
}

export function projectStart(project: Pick<Project, 'startDate' | 'timeZone'>): DateTime {
  return DateTime.fromISO(project.startDate, { zone: project.timeZone }).startOf('day');
}

/** "M07", as the report names a project month. */
export function monthName(month: number): string {
  return `M${String(month).padStart(2, '0')}`;
}

export function monthLabel(firstMonth: number, lastMonth: number): string {
  return `${monthName(firstMonth)}–${monthName(lastMonth)}`;
}

/**
 * Periods per project object: date arithmetic in the project's zone is the costliest step of
 * validating one edit, and a cached configuration hands every edit the same project object.
 */
const periodsByProject = new WeakMap<Project, readonly ReportingPeriod[]>();

export function listPeriods(project: Project): ReportingPeriod[] {
  let periods = periodsByProject.get(project);
  if (periods === undefined) {
    // Frozen, since every caller shares them.
    periods = computePeriods(project).map((period) => Object.freeze(period));
    periodsByProject.set(project, periods);
  }
  return [...periods];
}

function computePeriods(project: Project): ReportingPeriod[] {
  const start = projectStart(project);
  const count = project.durationMonths / project.periodMonths;
  return Array.from({ length: count }, (_, offset) => {
    const firstMonth = offset * project.periodMonths + 1;
    const lastMonth = firstMonth + project.periodMonths - 1;
    return {
      id: `P${offset + 1}` as PeriodId,
      index: offset + 1,
      firstMonth,
      lastMonth,
      start: start.plus({ months: firstMonth - 1 }),
      end: start.plus({ months: lastMonth }),
      label: monthLabel(firstMonth, lastMonth),
    };
  });
}

export function isPeriodId(text: string): text is PeriodId {
  return /^P[1-9][0-9]*$/.test(text);
}

/** Hours in the period, in the project's zone, so a daylight-saving change counts as it really happened. */
export function hoursInPeriod(period: ReportingPeriod): number {
  return period.end.diff(period.start, 'hours').hours;
}
