import { DateTime } from 'luxon';
import { runWithLimit } from '../commons/run-with-limit';
import type { PeriodId } from '../domain/calendar/reporting-period';
import { type Amendment, amendmentsOf, entryAsOf, type HistoryEntry } from '../domain/closing/as-of';
import type { EntryValue } from '../domain/entries/entry';
import type { EntryStore, HistoryRecord } from '../storage/entry-store';

/** Histories read at once: a locked window's report reads only the cells amended since the lock. */
const HISTORY_READS_IN_FLIGHT = 8;

function historyEntry(record: HistoryRecord): HistoryEntry {
  return {
    installationId: record.installationId,
    metricId: record.metricId,
    periodId: record.periodId,
    version: record.version,
    status: record.status,
    value: record.value,
    normalized: record.normalized,
    submittedAt: record.submittedAt,
    submittedBy: record.submittedBy,
    ...(record.amendment === undefined ? {} : { amendmentReason: record.amendment.reason }),
  };
}

const millisOf = (instant: string) => DateTime.fromISO(instant, { setZone: true }).toMillis();

/** A cell's submission counter as of the lock: what a confirmation's staleness is judged against. */
export interface CellSubmissionsAsOf {
  installationId: string;
  metricId: string;
  periodId: string;
  submissions: number;
}

/**
 * The values of the given periods as a locked window's report shows them: each cell as of the lock
 * (from its history), then the coordinators' amendments recorded up to `asOf`, which are listed too.
 * A cell unchanged since the lock is its current value, with no history read.
 */
export async function valuesAsOfLock(
  deps: { entries: Pick<EntryStore, 'listCurrent' | 'history'> },
  projectId: string,
  periodIds: readonly PeriodId[],
  lockedAt: string,
  asOf: string,
): Promise<{ values: EntryValue[]; amendments: Amendment[]; cells: CellSubmissionsAsOf[] }> {
  const current = await deps.entries.listCurrent(projectId, periodIds);
  const lock = millisOf(lockedAt);
  const values: EntryValue[] = [];
  const cells: CellSubmissionsAsOf[] = [];
  const changed = current.filter((entry) => {
    if (millisOf(entry.updatedAt) > lock) return true;
    const { installationId, metricId, periodId, submissions } = entry;
    cells.push({ installationId, metricId, periodId, submissions });
    if (entry.value !== null) values.push({ ...entry, value: entry.value });
    return false;
  });
  const amendments: Amendment[] = [];
  await runWithLimit(changed, HISTORY_READS_IN_FLIGHT, async (entry) => {
    const history = (await deps.entries.history(projectId, entry)).map(historyEntry);
    const kept = history.filter(
      (record) => millisOf(record.submittedAt) <= lock || record.amendmentReason !== undefined,
    );
    const { installationId, metricId, periodId } = entry;
    const submissions = history.filter((record) => millisOf(record.submittedAt) <= lock).length;
    cells.push({ installationId, metricId, periodId, submissions });
    const chosen = entryAsOf(kept, asOf);
    if (chosen?.value !== undefined && chosen.value !== null) {
      values.push({
        installationId: chosen.installationId,
        metricId: chosen.metricId,
        periodId: chosen.periodId,
        value: chosen.value,
      });
    }
    amendments.push(...amendmentsOf(history, lockedAt, asOf));
  });
  // Histories answer in any order: sort so the report is the same bytes every time.
  const order = (a: { installationId: string; metricId: string; periodId: string }) =>
    `${a.periodId}#${a.installationId}#${a.metricId}`;
  values.sort((a, b) => order(a).localeCompare(order(b)));
  amendments.sort(
    (a, b) => millisOf(a.amendedAt) - millisOf(b.amendedAt) || order(a).localeCompare(order(b)),
  );
  cells.sort((a, b) => order(a).localeCompare(order(b)));
  return { values, amendments, cells };
}
