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
  return portalTable(withPortalFieldsOf(config, figures.config), figures.summary);
}

/**
 * The portal's fields (beneficiary, infrastructure...) describe an installation; they are not figures.
 * Where the configuration a lock froze has none for an installation, the current one's are used, so
 * that a coordinator who adds them after the export asked for them can export the locked window.
 */
function withPortalFieldsOf(current: ProjectConfig, frozen: ProjectConfig): ProjectConfig {
  if (frozen === current) return frozen;
  const portals = new Map(current.installations.map((item) => [item.id, item.portal]));
  return {
    ...frozen,
    installations: frozen.installations.map((item) => {
      const portal = item.portal ?? portals.get(item.id);
      return portal === undefined ? item : { ...item, portal };
    }),
  };
}
