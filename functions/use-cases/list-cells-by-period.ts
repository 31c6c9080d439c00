import type { PeriodId } from '../domain/calendar/reporting-period';
import { parseWindow } from '../domain/calendar/reporting-window';
import type { Project } from '../domain/config/project-schema';
import type { StoredCell } from '../storage/entry-records';
import type { EntryStore } from '../storage/entry-store';

export interface PeriodCells {
  periodId: PeriodId;
  cells: StoredCell[];
}

/**
 * Every stored cell of each period asked for, grouped by period in the order asked (a repeated id
 * once). Each id is checked against the project before anything is read, so a period outside it is
 * refused by name; the store then runs one Query per period, in parallel.
 */
export async function listCellsByPeriod(
  deps: { entries: Pick<EntryStore, 'listCells'> },
  project: Project,
  periodIds: readonly PeriodId[],
): Promise<PeriodCells[]> {
  const asked = [...new Set(periodIds)];
  for (const periodId of asked) parseWindow(project, periodId);
  const cells = await deps.entries.listCells(project.id, asked);
  return asked.map((periodId) => ({
    periodId,
    cells: cells.filter((cell) => cell.periodId === periodId),
  }));
}
