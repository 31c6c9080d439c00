import type { DateTime } from 'luxon';
import type { Project } from '../config/project-schema';
import { listPeriods, type ReportingPeriod } from './reporting-period';

/**
 * The period holding `now`, so menus preselect what partners are reporting on; before the project
 * starts that is the first period, after it ends the last one (the final report is written then).
 */
export function currentPeriod(project: Project, now: DateTime): ReportingPeriod {
  const periods = listPeriods(project);
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) throw new Error(`project ${project.id} has no periods`);
  if (now < first.start) return first;
  return periods.find((period) => now >= period.start && now < period.end) ?? last;
}

/** "PY2" for the project year holding a period. */
export function projectYearOf(project: Project, period: ReportingPeriod): string {
  return `PY${Math.ceil(period.index / (12 / project.periodMonths))}`;
}
