import { DateTime } from 'luxon';
import { cumulativeThrough, parseWindow, type ReportingWindow } from '../domain/calendar/reporting-window';
import { type WindowLockState, windowLockState } from '../domain/closing/lock-coverage';
import type { PeriodLock } from '../domain/closing/period-lock';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { summarize } from '../domain/summary/summarize';
import type { WindowSummary } from '../domain/summary/window-summary';
import type { EntryStore } from '../storage/entry-store';
import type { LockSnapshotOfWindow, LockStore } from '../storage/lock-store';
import { computeSummary } from './compute-summary';
import { valuesAsOfLock } from './values-as-of';

export interface LockedWindowDeps {
  entries: Pick<EntryStore, 'listCurrent' | 'history'>;
  locks: Pick<LockStore, 'list' | 'snapshot'>;
}

/** A wholly locked window's figures, as its report and its EC portal table both show them. */
export interface LockedWindowFigures {
  lockState: WindowLockState;
  /** The last lock to close one of the window's periods: the figures are as of its time. */
  lastLock: PeriodLock;
  snapshot: LockSnapshotOfWindow | undefined;
  /** The configuration that lock froze (ours, written from a validated one), else the current one. */
  config: ProjectConfig;
  summary: WindowSummary;
  asOfLock: Awaited<ReturnType<typeof valuesAsOfLock>>;
}

/**
 * The figures of `window` when every one of its periods is locked, else undefined: the values from
 * the history as of the last lock, amendments since (up to `now`) applied, summarised at the lock's
 * instant with the configuration it froze.
 */
export async function lockedWindowFigures(
  deps: LockedWindowDeps,
  config: ProjectConfig,
  window: ReportingWindow,
  now: DateTime,
): Promise<LockedWindowFigures | undefined> {
  const projectId = config.project.id;
  const lockState = windowLockState(
    await deps.locks.list(projectId),
    window.periods.map((period) => period.id),
  );
  const lastLock = lockState?.locks[lockState.locks.length - 1];
  if (lockState === undefined || lastLock === undefined) return undefined;
  const periodIds = cumulativeThrough(config.project, window).periods.map((period) => period.id);
  const [snapshot, asOfLock] = await Promise.all([
    deps.locks.snapshot(projectId, lastLock.lockId, window.id),
    valuesAsOfLock(deps, projectId, periodIds, lockState.asOf, now.toUTC().toISO() ?? ''),
  ]);
  const lockedConfig = (snapshot?.config as ProjectConfig | undefined) ?? config;
  const lockedWindow = parseWindow(lockedConfig.project, window.id);
  const lockedAt = DateTime.fromISO(lockState.asOf, { zone: 'utc' });
  const summary = summarize(lockedConfig, asOfLock.values, lockedWindow, lockedAt);
  return { lockState, lastLock, snapshot, config: lockedConfig, summary, asOfLock };
}

/**
 * The configuration and summary a window is reported with: as of its last lock when it is wholly
 * locked, else from the current values of every period up to its end.
 */
export async function windowFigures(
  deps: LockedWindowDeps,
  config: ProjectConfig,
  windowSpec: string,
  now: DateTime,
): Promise<{ config: ProjectConfig; summary: WindowSummary }> {
  const window = parseWindow(config.project, windowSpec);
  const locked = await lockedWindowFigures(deps, config, window, now);
  if (locked !== undefined) return { config: locked.config, summary: locked.summary };
  return { config, summary: await computeSummary(deps, config, window.id, now) };
}
