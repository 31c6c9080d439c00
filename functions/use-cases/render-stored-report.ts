import type { DateTime } from 'luxon';
import { parseWindow } from '../domain/calendar/reporting-window';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import type { ReportFormat } from '../domain/report/report-model';
import { type RenderedReport, renderReport } from '../report/render-report';
import { loadReportModel } from './load-report-model';

/** The report file of one window from what is stored: its values and its drafts (see loadReportModel). */
export async function renderStoredReport(
  deps: Parameters<typeof loadReportModel>[0],
  config: ProjectConfig,
  windowSpec: string,
  format: ReportFormat,
  now: DateTime,
): Promise<RenderedReport> {
  const window = parseWindow(config.project, windowSpec);
  return renderReport(await loadReportModel(deps, config, window.id, now), format);
}
