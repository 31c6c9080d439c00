import type { DateTime } from 'luxon';
import { cumulativeThrough, parseWindow } from '../domain/calendar/reporting-window';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { buildReportModel } from '../domain/report/build-report-model';
import type { ReportModel } from '../domain/report/report-model';
import { summarize } from '../domain/summary/summarize';
import type { DraftStore } from '../storage/draft-store';
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
  },
  config: ProjectConfig,
  windowSpec: string,
  now: DateTime,
): Promise<ReportModel> {
  const window = parseWindow(config.project, windowSpec);
  const periodIds = cumulativeThrough(config.project, window).periods.map((period) => period.id);
  const [current, drafts] = await Promise.all([
    deps.entries.listCurrent(config.project.id, periodIds),
    deps.drafts.list(config.project.id, window.id),
  ]);
  const values = storedValuesOf(current);
  const summary = summarize(config, values, window, now);
  return buildReportModel({ config, summary, values, assessments: drafts });
}
