import type { PeriodId } from '../calendar/reporting-period';

/**
 * A coordinator's lock of a window (a period or a project year) once its deliverable was submitted.
 * Reopening keeps the record (with who reopened it, when and why): the list of locks is their history.
 */
export interface PeriodLock {
  lockId: string;
  /** The window locked, as typed: "P2", "PY1". */
  windowId: string;
  /** The periods it covers. */
  periodIds: PeriodId[];
  /** What was submitted, as the coordinator names it: "D4.2, submitted 2023-10-30". */
  deliverable: string;
  lockedBy: string;
  /** ISO instant; the report of the window holds the figures as of this moment. */
  lockedAt: string;
  reopenedBy?: string;
  reopenedAt?: string;
  reopenReason?: string;
}

export function isActive(lock: PeriodLock): boolean {
  return lock.reopenedAt === undefined;
}
