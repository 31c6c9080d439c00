import { routePatterns } from '../../contract/api-paths';
import { windowQuerySchema } from '../../contract/contract';
import type { SheetStatusResponse } from '../../contract/status-contract';
import { writeStatus } from '../../sheets/write-back/write-status';
import { requireMember } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/**
 * Writes one window's block in the Status tab (Check completeness...). Any member may: the block says
 * only what GET status says to every member, computed from the backend's own records, and the tab is
 * protected to coordinators and the service account, so a partner refreshing it changes no figure.
 */
export const postSheetStatusRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.sheetStatus,
  handle: async ({ request, params, container, identity }) => {
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const config = await loadProject(container, params.projectId ?? '');
    requireMember(config, identity);
    const body: SheetStatusResponse = {
      operation: 'status',
      ...(await writeStatus(container, config, period)),
    };
    return ok(body);
  },
};
