import type { DateTime } from 'luxon';
import { listPeriods } from '../../domain/calendar/reporting-period';
import { parseWindow } from '../../domain/calendar/reporting-window';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import { summarize } from '../../domain/summary/summarize';
import type { WindowSummary } from '../../domain/summary/window-summary';
import type { Container } from '../container';
import { storedValuesOf } from './stored-values';

/** The summary of one window from the stored current values of every period (cumulative figures need them all). */
export async function computeSummary(
  container: Container,
  config: ProjectConfig,
  windowSpec: string,
  now: DateTime,
): Promise<WindowSummary> {
  const window = parseWindow(config.project, windowSpec);
  const periodIds = listPeriods(config.project).map((period) => period.id);
  const values = storedValuesOf(await container.entries.listCurrent(config.project.id, periodIds));
  return summarize(config, values, window, now);
}
