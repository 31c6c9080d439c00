import { routePatterns } from '../../contract/api-paths';
import { windowQuerySchema } from '../../contract/contract';
import type { StatusResponse } from '../../contract/status-contract';
import { statusHeadline } from '../../domain/completeness/status-table';
import { computeStatus } from '../../use-cases/compute-status';
import { requireMember } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/**
 * Who still owes what for a window. Any member reads the whole status: partners see the shared sheet
 * and the report's missing-values table anyway, and knowing who else is late helps nobody cheat.
 * `yours` lets a partner's sidebar put their own installations first. Outsiders get 403.
 */
export const getStatusRoute: ProtectedRoute = {
  method: 'GET',
  pattern: routePatterns.status,
  handle: async ({ request, params, container, identity }) => {
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const config = await loadProject(container, params.projectId ?? '');
    requireMember(config, identity);
    const status = await computeStatus(container, config, period, container.now());
    const body: StatusResponse = {
      windowId: status.window.id,
      headline: statusHeadline(status),
      yours: config.installations
        .filter((installation) => installation.editors.includes(identity.email))
        .map((installation) => installation.id),
      status,
    };
    return ok(body);
  },
};
