import type { DateTime } from 'luxon';
import type { Project } from '../config/project-schema';
import { InvalidWindowError } from '../errors';
import { listPeriods, monthLabel, type ReportingPeriod } from './reporting-period';

export type WindowKind = 'period' | 'year' | 'cumulative';

/** What a summary or a draft covers: one period, one project year, or everything up to a period. */
export interface ReportingWindow {
  /** "P2", "PY1" or "CUM-P3". */
  id: string;
  kind: WindowKind;
  /** Human label: "P2 (M07–M12)", "PY1 (M01–M12)", "Cumulative to P3 (M01–M18)". */
  label: string;
  periods: ReportingPeriod[];
  firstMonth: number;
  lastMonth: number;
  start: DateTime;
  end: DateTime;
}

export const WINDOW_SYNTAX =
  'P<n> (a period), PY<n> (a project year) or CUM-P<n> (from the start to period n)';

function windowOf(id: string, kind: WindowKind, title: string, periods: ReportingPeriod[]): ReportingWindow {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) throw new InvalidWindowError(id, WINDOW_SYNTAX);
  return {
    id,
    kind,
    label: `${title} (${monthLabel(first.firstMonth, last.lastMonth)})`,
    periods,
    firstMonth: first.firstMonth,
    lastMonth: last.lastMonth,
    start: first.start,
    end: last.end,
  };
}

/** Parses "P2", "PY1", "CUM-P3" (case-insensitive) against the project's calendar. */
export function parseWindow(project: Project, spec: string): ReportingWindow {
  const periods = listPeriods(project);
  const text = spec.trim().toUpperCase();
  const periodsPerYear = 12 / project.periodMonths;
  const year = /^PY([1-9][0-9]*)$/.exec(text);
  if (year?.[1] !== undefined) {
    const yearNumber = Number(year[1]);
    const inYear = periods.filter((period) => Math.ceil(period.index / periodsPerYear) === yearNumber);
    if (inYear.length === 0) {
      throw new InvalidWindowError(
        spec,
        `a project year between PY1 and PY${Math.ceil(periods.length / periodsPerYear)}`,
      );
    }
    return windowOf(`PY${yearNumber}`, 'year', `PY${yearNumber}`, inYear);
  }
  const single = /^(CUM-)?P([1-9][0-9]*)$/.exec(text);
  if (single?.[2] !== undefined) {
    const index = Number(single[2]);
    if (index > periods.length) {
      throw new InvalidWindowError(spec, `a period between P1 and P${periods.length}`);
    }
    if (single[1] !== undefined) {
      return windowOf(`CUM-P${index}`, 'cumulative', `Cumulative to P${index}`, periods.slice(0, index));
    }
    return windowOf(`P${index}`, 'period', `P${index}`, periods.slice(index - 1, index));
  }
  throw new InvalidWindowError(spec, WINDOW_SYNTAX);
}

/** The window from the project start to the end of `window`: what budgets have consumed by then. */
export function cumulativeThrough(project: Project, window: ReportingWindow): ReportingWindow {
  const last = window.periods[window.periods.length - 1];
  if (last === undefined) throw new InvalidWindowError(window.id, WINDOW_SYNTAX);
  return parseWindow(project, `CUM-${last.id}`);
}
