import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import { windowsOverlapping } from '../domain/calendar/overlapping-windows';
import { parseWindow } from '../domain/calendar/reporting-window';
import { closedPeriods } from '../domain/closing/lock-coverage';
import { isActive, type PeriodLock } from '../domain/closing/period-lock';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import type { DraftStore } from '../storage/draft-store';
import type { EntryStore } from '../storage/entry-store';
import type { LockSnapshot, LockStore } from '../storage/lock-store';
import { NoActiveLockError, PeriodAlreadyLockedError } from './period-lock-errors';

export interface LockPeriodDeps {
  locks: Pick<LockStore, 'list' | 'lock'>;
  drafts: Pick<DraftStore, 'list'>;
  entries: Pick<EntryStore, 'forgetRecent'>;
}

/**
 * A coordinator locks a window once its deliverable is submitted: from then on its cells change
 * only by amendment, and its report reads the figures as of now from the history. The configuration
 * and the assessment texts of every window it overlaps are frozen beside the lock, since neither
 * keeps a history.
 */
export async function lockPeriod(
  deps: LockPeriodDeps,
  config: ProjectConfig,
  request: { windowSpec: string; deliverable: string; lockedBy: string },
  now: DateTime,
): Promise<PeriodLock> {
  const projectId = config.project.id;
  const window = parseWindow(config.project, request.windowSpec);
  const periodIds = window.periods.map((period) => period.id);
  const existing = await deps.locks.list(projectId);
  const lockedPeriods = closedPeriods(existing, periodIds);
  if (lockedPeriods.length > 0) throw new PeriodAlreadyLockedError(window.id, lockedPeriods);
  const lock: PeriodLock = {
    lockId: `${window.id}-${randomUUID()}`,
    windowId: window.id,
    periodIds,
    deliverable: request.deliverable,
    lockedBy: request.lockedBy,
    lockedAt: now.toUTC().toISO() ?? '',
  };
  const draftsByWindow = await draftsToFreeze(deps, config, periodIds);
  await deps.locks.lock(projectId, lock, { config, draftsByWindow });
  deps.entries.forgetRecent(projectId);
  return lock;
}

/**
 * The drafts of every window the lock overlaps, not only its own: a project year whose periods are
 * locked one by one is reported with the texts of its last lock (one Query per window, at lock time).
 */
async function draftsToFreeze(
  deps: Pick<LockPeriodDeps, 'drafts'>,
  config: ProjectConfig,
  periodIds: readonly string[],
): Promise<LockSnapshot['draftsByWindow']> {
  const windowIds = windowsOverlapping(config.project, periodIds);
  const lists = await Promise.all(windowIds.map((windowId) => deps.drafts.list(config.project.id, windowId)));
  const byWindow: Record<string, unknown> = {};
  windowIds.forEach((windowId, index) => {
    const drafts = lists[index];
    if (drafts !== undefined && drafts.length > 0) byWindow[windowId] = drafts;
  });
  return byWindow;
}

/** A coordinator reopens a locked window, with a reason; the lock stays listed, marked reopened. */
export async function reopenPeriod(
  deps: { locks: Pick<LockStore, 'list' | 'reopen'>; entries: Pick<EntryStore, 'forgetRecent'> },
  config: ProjectConfig,
  request: { windowSpec: string; reason: string; reopenedBy: string },
  now: DateTime,
): Promise<PeriodLock> {
  const projectId = config.project.id;
  const window = parseWindow(config.project, request.windowSpec);
  const locks = await deps.locks.list(projectId);
  const index = locks.findIndex((lock) => isActive(lock) && lock.windowId === window.id);
  const lock = locks[index];
  if (lock === undefined) throw new NoActiveLockError(window.id);
  const reopened = {
    reopenedBy: request.reopenedBy,
    reopenedAt: now.toUTC().toISO() ?? '',
    reopenReason: request.reason,
  };
  await deps.locks.reopen(projectId, index, lock.lockId, reopened);
  deps.entries.forgetRecent(projectId);
  return { ...lock, ...reopened };
}
