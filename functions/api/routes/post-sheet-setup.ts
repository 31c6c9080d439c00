import { routePatterns } from '../../contract/api-paths';
import type { SheetWriteBackResponse } from '../../contract/contract';
import { setupSheet } from '../../sheets/write-back/setup-sheet';
import { requireCoordinator } from '../auth/authorize';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/** Builds the spreadsheet's tabs, or brings them up to date with the config; typed values stay. */
export const postSheetSetupRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.sheetSetup,
  handle: async ({ params, container, identity }) => {
    const config = await loadProject(container, params.projectId ?? '');
    requireCoordinator(config, identity, 'set up the spreadsheet');
    const body: SheetWriteBackResponse = { operation: 'setup', ...(await setupSheet(container, config)) };
    return ok(body);
  },
};
