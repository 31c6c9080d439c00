import type { DateTime } from 'luxon';
import { cumulativeThrough, parseWindow } from '../domain/calendar/reporting-window';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { summarize } from '../domain/summary/summarize';
import type { WindowSummary } from '../domain/summary/window-summary';
import type { EntryStore } from '../storage/entry-store';
import { storedValuesOf } from './stored-values';

/**
 * The summary of one window from the stored current values of every period up to its end: cumulative
 * budget figures and the trend against the previous period need those, later periods play no part.
 */
export async function computeSummary(
  deps: { entries: Pick<EntryStore, 'listCurrent'> },
  config: ProjectConfig,
  windowSpec: string,
  now: DateTime,
): Promise<WindowSummary> {
  const window = parseWindow(config.project, windowSpec);
  const periodIds = cumulativeThrough(config.project, window).periods.map((period) => period.id);
  const values = storedValuesOf(await deps.entries.listCurrent(config.project.id, periodIds));
  return summarize(config, values, window, now);
}
