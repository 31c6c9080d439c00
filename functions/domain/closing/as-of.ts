import { DateTime } from 'luxon';
import type { PeriodId } from '../calendar/reporting-period';
import type { MetricValue } from '../entries/metric-value';
import type { OutcomeStatus } from '../validation/validation-outcome';

/** What the as-of selection reads of one submission in a cell's history. */
export interface HistoryEntry {
  installationId: string;
  metricId: string;
  periodId: PeriodId;
  version: number;
  status: OutcomeStatus;
  value: MetricValue | null;
  normalized: string;
  submittedAt: string;
  submittedBy: string | null;
  amendmentReason?: string;
}

function millisOf(instant: string): number {
  return DateTime.fromISO(instant, { setZone: true }).toMillis();
}

/**
 * The cell's value as of an instant: its latest submission up to then that was not rejected (a
 * cleared cell: null), or undefined when nothing was taken by then. `history` in any order.
 */
export function entryAsOf<T extends HistoryEntry>(history: readonly T[], asOf: string): T | undefined {
  const limit = millisOf(asOf);
  let found: T | undefined;
  for (const entry of history) {
    if (entry.status === 'rejected' || millisOf(entry.submittedAt) > limit) continue;
    if (found === undefined || entry.version > found.version) found = entry;
  }
  return found;
}

/** One coordinator amendment of a locked cell, as the next report lists it. */
export interface Amendment {
  installationId: string;
  metricId: string;
  periodId: PeriodId;
  /** As printed before and after; empty when there was no value. */
  oldValue: string;
  newValue: string;
  reason: string;
  amendedBy: string | null;
  amendedAt: string;
}

/**
 * The amendments of one cell made after `since` and up to `asOf`, oldest first, each with the value
 * it replaced (the value as of just before it).
 */
export function amendmentsOf(history: readonly HistoryEntry[], since: string, asOf: string): Amendment[] {
  const from = millisOf(since);
  const to = millisOf(asOf);
  const sorted = [...history].sort((a, b) => a.version - b.version);
  const amendments: Amendment[] = [];
  let previous = entryAsOf(sorted, since);
  for (const entry of sorted) {
    const at = millisOf(entry.submittedAt);
    if (entry.status === 'rejected' || at <= from) continue;
    if (at > to) break;
    if (entry.amendmentReason !== undefined) {
      amendments.push({
        installationId: entry.installationId,
        metricId: entry.metricId,
        periodId: entry.periodId,
        oldValue: previous?.normalized ?? '',
        newValue: entry.normalized,
        reason: entry.amendmentReason,
        amendedBy: entry.submittedBy,
        amendedAt: entry.submittedAt,
      });
    }
    previous = entry;
  }
  return amendments;
}
