import type { DateTime } from 'luxon';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { portalTable } from '../domain/portal/portal-rows';
import type { PortalTable } from '../domain/portal/portal-table';
import { computeSummary } from './compute-summary';

/**
 * The EC portal's table of one window from the stored values, summarised exactly as the report's
 * (loadReportModel): the same current values of every period up to the window's end, the same summary.
 */
export async function loadPortalTable(
  deps: Parameters<typeof computeSummary>[0],
  config: ProjectConfig,
  windowSpec: string,
  now: DateTime,
): Promise<PortalTable> {
  return portalTable(config, await computeSummary(deps, config, windowSpec, now));
}
