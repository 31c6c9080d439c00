import type { DateTime } from 'luxon';
import { cumulativeThrough, parseWindow } from '../domain/calendar/reporting-window';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { buildReportModel } from '../domain/report/build-report-model';
import { closingSection } from '../domain/report/closing-section';
import type { ReportModel } from '../domain/report/report-model';
import { summarize } from '../domain/summary/summarize';
import type { ConfirmationStore } from '../storage/confirmation-store';
import type { DraftStore } from '../storage/draft-store';
import type { CurrentEntry } from '../storage/entry-records';
import type { EntryStore } from '../storage/entry-store';
import type { LockStore } from '../storage/lock-store';
import { frozenDraftsOf } from './frozen-drafts';
import { lockedWindowFigures } from './locked-window-figures';
import { storedValuesOf } from './stored-values';

export interface ReportModelDeps {
  entries: Pick<EntryStore, 'listCurrent' | 'history'>;
  drafts: Pick<DraftStore, 'list'>;
  locks: Pick<LockStore, 'list' | 'snapshot'>;
  /** Partners' confirmations: each installation's section says who confirmed which period, or nobody. */
  confirmations?: Pick<ConfirmationStore, 'list'>;
}

/**
 * The report of one window from what is stored: the current values of every period up to its end
 * (the metric tables show them all) and the window's drafts, where a person's edit wins and an
 * installation without a draft is marked missing (POST .../drafts generates them).
 *
 * A window whose periods are all locked is reported as of its lock, whenever it is generated: the
 * values from the history as of then, the configuration and assessment texts frozen with the last of
 * the locks covering it, the summary computed at the lock's instant; the coordinators' amendments since
 * (up to `now`) are applied and listed.
 */
export async function loadReportModel(
  deps: ReportModelDeps,
  config: ProjectConfig,
  windowSpec: string,
  now: DateTime,
): Promise<ReportModel> {
  const window = parseWindow(config.project, windowSpec);
  const periodIds = cumulativeThrough(config.project, window).periods.map((period) => period.id);
  const projectId = config.project.id;
  const windowPeriods = window.periods.map((period) => period.id);
  const [locked, confirmations] = await Promise.all([
    lockedWindowFigures(deps, config, window, now),
    deps.confirmations?.list(projectId, windowPeriods),
  ]);
  if (locked === undefined) {
    const [current, drafts] = await Promise.all([
      deps.entries.listCurrent(projectId, periodIds),
      deps.drafts.list(projectId, window.id),
    ]);
    const values = storedValuesOf(current);
    const summary = summarize(config, values, window, now);
    return buildReportModel({
      config,
      summary,
      values,
      assessments: drafts,
      ...(confirmations === undefined
        ? {}
        : { confirmations: { records: confirmations, cells: current.map(cellVersionOf) } }),
    });
  }
  const { lockState, lastLock, snapshot, asOfLock } = locked;
  // The texts as the last lock froze them (a window covered by one lock: that very lock).
  const frozen = snapshot === undefined ? undefined : frozenDraftsOf(snapshot, lastLock, window.id);
  const drafts = frozen ?? (await deps.drafts.list(projectId, window.id));
  return buildReportModel({
    config: locked.config,
    summary: locked.summary,
    values: asOfLock.values,
    assessments: drafts,
    closing: closingSection(locked.config, lockState, asOfLock.amendments),
    // As of the lock too: a confirmation made later, or a cell amended since, does not change the lines.
    ...(confirmations === undefined
      ? {}
      : { confirmations: { records: confirmations, cells: asOfLock.cells, asOf: lockState.asOf } }),
  });
}

function cellVersionOf(entry: CurrentEntry) {
  const { installationId, metricId, periodId, submissions } = entry;
  return { installationId, metricId, periodId, submissions };
}
