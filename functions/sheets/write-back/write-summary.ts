import type { ProjectConfig } from '../../domain/config/project-config-schema';
import { summaryHeadlines } from '../../domain/summary/summary-headlines';
import { computeSummary } from '../../use-cases/compute-summary';
import { coordinatorEditors } from '../layout/setup-plan';
import { planSummaryBlock, summaryTab } from '../layout/summary-tab';
import { TabAllocator } from '../layout/tab-allocation';
import { ensureTab } from '../layout/tab-module';
import { readBoundSheet, type WriteBackDeps, type WriteBackResult, writeOnce } from './write-back-deps';

/** Writes (or rewrites in place) the Summary block of one window: one read, one batchUpdate. */
export async function writeSummary(
  deps: WriteBackDeps,
  config: ProjectConfig,
  windowSpec: string,
): Promise<WriteBackResult & { windowId: string }> {
  // The summary first: an invalid window is refused before the Sheets API is called.
  const summary = await computeSummary(deps, config, windowSpec, deps.now());
  const sheet = await readBoundSheet(deps, config);
  const editors = coordinatorEditors({ config, serviceAccountEmail: sheet.serviceAccountEmail });
  const planned = ensureTab(new TabAllocator(sheet.snapshot), summaryTab, editors);
  const requests = [
    ...planned.requests,
    ...planSummaryBlock(planned.tab, summary, summaryHeadlines(summary)),
  ];
  return { ...(await writeOnce(sheet, requests)), windowId: summary.window.id };
}
