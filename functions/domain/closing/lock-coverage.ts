import { DateTime } from 'luxon';
import type { PeriodId } from '../calendar/reporting-period';
import { isActive, type PeriodLock } from './period-lock';

function millisOf(instant: string): number {
  return DateTime.fromISO(instant, { setZone: true }).toMillis();
}

/** The active lock covering a period (the earliest when several do: the period was closed then). */
export function lockCovering(locks: readonly PeriodLock[], periodId: PeriodId): PeriodLock | undefined {
  return locks
    .filter((lock) => isActive(lock) && lock.periodIds.includes(periodId))
    .sort((a, b) => millisOf(a.lockedAt) - millisOf(b.lockedAt))[0];
}

/** A period under an active lock, and the lock's deliverable and time. */
export interface ClosedPeriod {
  periodId: string;
  deliverable: string;
  lockedAt: string;
}

/** Those of `periodIds` under an active lock, each with the lock that closed it, in the order given. */
export function closedPeriods(locks: readonly PeriodLock[], periodIds: readonly PeriodId[]): ClosedPeriod[] {
  return periodIds.flatMap((periodId) => {
    const lock = lockCovering(locks, periodId);
    return lock === undefined ? [] : [{ periodId, deliverable: lock.deliverable, lockedAt: lock.lockedAt }];
  });
}

/** What a report of a window reads its figures as of: present only when every period is locked. */
export interface WindowLockState {
  /** The locks covering the window's periods, oldest first. */
  locks: PeriodLock[];
  /** The latest of their lock times: by then every period of the window was closed. */
  asOf: string;
}

/** Which locks cover a window: all of its periods locked, or undefined (the window is still open). */
export function windowLockState(
  locks: readonly PeriodLock[],
  periodIds: readonly PeriodId[],
): WindowLockState | undefined {
  const covering: PeriodLock[] = [];
  for (const periodId of periodIds) {
    const lock = lockCovering(locks, periodId);
    if (lock === undefined) return undefined;
    if (!covering.includes(lock)) covering.push(lock);
  }
  const sorted = covering.sort((a, b) => millisOf(a.lockedAt) - millisOf(b.lockedAt));
  const last = sorted[sorted.length - 1];
  return last === undefined ? undefined : { locks: sorted, asOf: last.lockedAt };
}
