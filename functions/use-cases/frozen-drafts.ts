import type { PeriodLock } from '../domain/closing/period-lock';
import type { AssessmentSource } from '../domain/report/resolve-assessment';
import type { LockSnapshot } from '../storage/lock-store';

/** What a lock freezes of the assessment texts: the drafts of every window it overlaps, by window. */
export interface FrozenDrafts {
  byWindow: Record<string, AssessmentSource[]>;
}

/**
 * The drafts of `windowId` (a window `lock` overlaps) as frozen with it: none when the window had
 * none then. Undefined only for locks written before texts were frozen by window, which hold their
 * own window's drafts as a plain list and nothing of the others.
 */
export function frozenDraftsOf(
  snapshot: LockSnapshot,
  lock: PeriodLock,
  windowId: string,
): AssessmentSource[] | undefined {
  const drafts = snapshot.drafts;
  if (Array.isArray(drafts)) return lock.windowId === windowId ? (drafts as AssessmentSource[]) : undefined;
  const byWindow = (drafts as FrozenDrafts | null | undefined)?.byWindow;
  return byWindow === undefined ? undefined : (byWindow[windowId] ?? []);
}
