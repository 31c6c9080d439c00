import { routePatterns } from '../../contract/api-paths';
import { windowQuerySchema } from '../../contract/contract';
import { listConfirmations } from '../../use-cases/list-confirmations';
import { requireMember } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/** Members see who confirmed which installation's figures, per period of the window, stale ones marked. */
export const getConfirmationsRoute: ProtectedRoute = {
  method: 'GET',
  pattern: routePatterns.confirmations,
  handle: async ({ request, params, container, identity }) => {
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const config = await loadProject(container, params.projectId ?? '');
    requireMember(config, identity);
    return ok(await listConfirmations(container, config, period));
  },
};
