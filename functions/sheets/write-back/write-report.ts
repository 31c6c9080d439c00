import { parseWindow } from '../../domain/calendar/reporting-window';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import { type ReportOutline, reportOutline } from '../../domain/report/report-outline';
import { loadReportModel, type ReportModelDeps } from '../../use-cases/load-report-model';
import { planReportBlock, reportTab } from '../layout/report-tab';
import { coordinatorEditors } from '../layout/setup-plan';
import { TabAllocator } from '../layout/tab-allocation';
import { ensureTab } from '../layout/tab-module';
import { readBoundSheet, type WriteBackDeps, type WriteBackResult, writeOnce } from './write-back-deps';

/**
 * Writes (or rewrites in place) the Report block of one window: its executive summary and list of
 * sections, from the same report model the downloaded file is rendered from. One read, one batchUpdate.
 */
export async function writeReport(
  deps: WriteBackDeps & ReportModelDeps,
  config: ProjectConfig,
  windowSpec: string,
): Promise<WriteBackResult & { windowId: string; outline: ReportOutline }> {
  // The model first: an invalid window is refused before the Sheets API is called.
  const window = parseWindow(config.project, windowSpec);
  const outline = reportOutline(await loadReportModel(deps, config, window.id, deps.now()));
  const sheet = await readBoundSheet(deps, config);
  const editors = coordinatorEditors({ config, serviceAccountEmail: sheet.serviceAccountEmail });
  const planned = ensureTab(new TabAllocator(sheet.snapshot), reportTab, editors);
  const requests = [...planned.requests, ...planReportBlock(planned.tab, outline)];
  return { ...(await writeOnce(sheet, requests)), windowId: window.id, outline };
}
