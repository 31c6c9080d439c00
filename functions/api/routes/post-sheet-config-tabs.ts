import { routePatterns } from '../../contract/api-paths';
import type { SheetWriteBackResponse } from '../../contract/contract';
import { CONFIG_TAB_MODULES } from '../../sheets/layout/config-tabs';
import { setupSheet } from '../../sheets/write-back/setup-sheet';
import { requireCoordinator } from '../auth/authorize';
import { ok, type ProtectedRoute } from '../route';
import { loadProjectSnapshot } from './load-project';

/**
 * Writes the configuration tabs the bound spreadsheet lacks, from the stored configuration (after
 * "Create project...", its starter rows); tabs already there are the coordinator's and stay untouched,
 * unless the backend's record says they were written from another revision than the stored one.
 * Nothing else: the Metrics tab comes with the first Apply configuration.
 */
export const postSheetConfigTabsRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.sheetConfigTabs,
  handle: async ({ params, container, identity }) => {
    const { config, revision } = await loadProjectSnapshot(container, params.projectId ?? '');
    requireCoordinator(config, identity, 'write the configuration tabs');
    const tracking = { store: container.configTabs, revision, by: identity.email };
    const written = await setupSheet(container, config, CONFIG_TAB_MODULES, tracking);
    const body: SheetWriteBackResponse = { operation: 'setup', ...written };
    return ok(body);
  },
};
