import type { PeriodLock } from '../domain/closing/period-lock';
import type { AssessmentSource } from '../domain/report/resolve-assessment';
import type { LockSnapshotOfWindow } from '../storage/lock-store';

/**
 * The drafts of `windowId` (a window `lock` overlaps) as frozen with it: none when the window had
 * none then. Undefined only for a lock written before texts were frozen by window, which holds its
 * own window's drafts and nothing of the others.
 */
export function frozenDraftsOf(
  snapshot: LockSnapshotOfWindow,
  lock: PeriodLock,
  windowId: string,
): AssessmentSource[] | undefined {
  if (snapshot.drafts === undefined) {
    return lock.windowId === windowId ? (snapshot.ownWindowDrafts as AssessmentSource[]) : undefined;
  }
  return (snapshot.drafts as AssessmentSource[] | null) ?? [];
}
