import { routePatterns } from '../../contract/api-paths';
import type { CalendarPeriod, CalendarResponse } from '../../contract/contract';
import { currentPeriod, projectYearOf } from '../../domain/calendar/current-period';
import { listPeriods } from '../../domain/calendar/reporting-period';
import { parseWindow } from '../../domain/calendar/reporting-window';
import { requireMember } from '../auth/authorize';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

interface Span {
  start: { toISODate(): string | null };
  end: { minus(duration: { days: number }): { toISODate(): string | null } };
  firstMonth: number;
  lastMonth: number;
}

function calendarPeriod(id: string, label: string, span: Span): CalendarPeriod {
  return {
    id,
    label,
    firstMonth: span.firstMonth,
    lastMonth: span.lastMonth,
    startDate: span.start.toISODate() ?? '',
    endDate: span.end.minus({ days: 1 }).toISODate() ?? '',
  };
}

/** The project's periods and years, with the current one, so clients offer them as choices. */
export const getCalendarRoute: ProtectedRoute = {
  method: 'GET',
  pattern: routePatterns.calendar,
  handle: async ({ params, container, identity }) => {
    const config = await loadProject(container, params.projectId ?? '');
    requireMember(config, identity);
    const { project } = config;
    const periods = listPeriods(project);
    const yearCount = Math.ceil(periods.length / (12 / project.periodMonths));
    const years = Array.from({ length: yearCount }, (_, index) => parseWindow(project, `PY${index + 1}`));
    const current = currentPeriod(project, container.now());
    const body: CalendarResponse = {
      projectId: project.id,
      periods: periods.map((period) => calendarPeriod(period.id, `${period.id} (${period.label})`, period)),
      years: years.map((year) => calendarPeriod(year.id, year.label, year)),
      currentPeriodId: current.id,
      currentYearId: projectYearOf(project, current),
    };
    return ok(body);
  },
};
