import { routePatterns } from '../../contract/api-paths';
import type { SheetWriteBackResponse } from '../../contract/contract';
import { setupSheet } from '../../sheets/write-back/setup-sheet';
import { requireCoordinator } from '../auth/authorize';
import { ok, type ProtectedRoute } from '../route';
import { loadProjectSnapshot } from './load-project';

/**
 * Builds the spreadsheet's tabs, or brings them up to date with the config; typed values stay. The
 * configuration tabs are kept while the backend's record says they show the stored revision (a
 * coordinator may be mid-edit), and rewritten from it when they do not.
 */
export const postSheetSetupRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.sheetSetup,
  handle: async ({ params, container, identity }) => {
    const { config, revision } = await loadProjectSnapshot(container, params.projectId ?? '');
    requireCoordinator(config, identity, 'set up the spreadsheet');
    // Configuration tabs written from an older revision are rewritten from this one (issue 18).
    const tracking = { store: container.configTabs, revision, by: identity.email };
    const written = await setupSheet(container, config, undefined, tracking);
    const body: SheetWriteBackResponse = { operation: 'setup', ...written };
    return ok(body);
  },
};
