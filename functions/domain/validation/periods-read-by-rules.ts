import { isPeriodId, listPeriods, type PeriodId } from '../calendar/reporting-period';
import type { Project } from '../config/project-schema';
import type { EntryKey } from '../entries/entry';

/**
 * The periods whose stored values validating `entries` reads: the cross-entry rules compare a cell
 * with its own period (count vs list, platform vs infrastructure) and with the period before it
 * (sudden jump, drop to zero). A caller loads just these instead of the whole project; periods outside
 * the project are left out, since no value is stored for them.
 */
export function periodsReadByRules(
  entries: readonly Pick<EntryKey, 'periodId'>[],
  project: Project,
): PeriodId[] {
  const inProject = new Set<string>(listPeriods(project).map((period) => period.id));
  const periods = new Set<PeriodId>();
  for (const { periodId } of entries) {
    if (!isPeriodId(periodId)) continue;
    periods.add(periodId);
    const index = Number(periodId.slice(1));
    if (index > 1) periods.add(`P${index - 1}`);
  }
  return [...periods]
    .filter((periodId) => inProject.has(periodId))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}
