import type { DateTime } from 'luxon';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { portalTable } from '../domain/portal/portal-rows';
import type { PortalTable } from '../domain/portal/portal-table';
import { type LockedWindowDeps, windowFigures } from './locked-window-figures';

/**
 * The EC portal's table of one window, from the same figures as its report (loadReportModel): the
 * current values of every period up to the window's end, or, once the window is wholly locked, the
 * values and configuration as of its last lock (amendments applied), as the deliverable submitted.
 */
export async function loadPortalTable(
  deps: LockedWindowDeps,
  config: ProjectConfig,
  windowSpec: string,
  now: DateTime,
): Promise<PortalTable> {
  const figures = await windowFigures(deps, config, windowSpec, now);
  return portalTable(figures.config, figures.summary);
}
