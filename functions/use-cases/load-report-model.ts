import type { DateTime } from 'luxon';
import { cumulativeThrough, parseWindow } from '../domain/calendar/reporting-window';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { buildReportModel } from '../domain/report/build-report-model';
import type { ReportModel } from '../domain/report/report-model';
import { summarize } from '../domain/summary/summarize';
import type { ConfirmationStore } from '../storage/confirmation-store';
import type { DraftStore } from '../storage/draft-store';
import type { CurrentEntry } from '../storage/entry-records';
import type { EntryStore } from '../storage/entry-store';
import { storedValuesOf } from './stored-values';

/**
 * The report of one window from what is stored: the current values of every period up to its end
 * (the metric tables show them all) and the window's drafts, where a person's edit wins and an
 * installation without a draft is marked missing (POST .../drafts generates them).
 */
export async function loadReportModel(
  deps: {
    entries: Pick<EntryStore, 'listCurrent'>;
    drafts: Pick<DraftStore, 'list'>;
    /** Partners' confirmations: each installation's section says who confirmed which period, or nobody. */
    confirmations?: Pick<ConfirmationStore, 'list'>;
  },
  config: ProjectConfig,
  windowSpec: string,
  now: DateTime,
): Promise<ReportModel> {
  const window = parseWindow(config.project, windowSpec);
  const periodIds = cumulativeThrough(config.project, window).periods.map((period) => period.id);
  const windowPeriods = window.periods.map((period) => period.id);
  const [current, drafts, confirmations] = await Promise.all([
    deps.entries.listCurrent(config.project.id, periodIds),
    deps.drafts.list(config.project.id, window.id),
    deps.confirmations?.list(config.project.id, windowPeriods),
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

function cellVersionOf(entry: CurrentEntry) {
  const { installationId, metricId, periodId, submissions } = entry;
  return { installationId, metricId, periodId, submissions };
}
