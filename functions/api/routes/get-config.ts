import { requireMember } from '../auth/authorize';
import type { ConfigResponse } from '../contract';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

export const getConfigRoute: ProtectedRoute = {
  method: 'GET',
  pattern: '/v1/projects/:projectId/config',
  handle: async ({ params, container, identity }) => {
    const config = await loadProject(container, params.projectId ?? '');
    requireMember(config, identity);
    const body: ConfigResponse = { config };
    return ok(body);
  },
};
