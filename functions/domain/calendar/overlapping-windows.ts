import type { Project } from '../config/project-schema';
import { listPeriods } from './reporting-period';
import { parseWindow } from './reporting-window';

/**
 * Every window holding at least one of `periodIds`: each period itself, the project years they fall
 * in, and each cumulative window from the first of them on. What a lock of those periods freezes the
 * texts of, since any of these windows may end up wholly locked with this lock as its last.
 */
export function windowsOverlapping(project: Project, periodIds: readonly string[]): string[] {
  const periods = listPeriods(project);
  const periodsPerYear = 12 / project.periodMonths;
  const indexes = periods.filter((period) => periodIds.includes(period.id)).map((period) => period.index);
  if (indexes.length === 0) return [];
  const years = [...new Set(indexes.map((index) => Math.ceil(index / periodsPerYear)))];
  const first = Math.min(...indexes);
  const ids = [
    ...indexes.map((index) => `P${index}`),
    ...years.map((year) => `PY${year}`),
    ...periods.filter((period) => period.index >= first).map((period) => `CUM-P${period.index}`),
  ];
  // Through parseWindow: only ids the calendar knows, spelt as everywhere else.
  return [...new Set(ids.map((id) => parseWindow(project, id).id))];
}
