import { parseWindow } from '../../domain/calendar/reporting-window';
import { requireMember } from '../auth/authorize';
import { type DraftsResponse, windowQuerySchema } from '../contract';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

export const getDraftsRoute: ProtectedRoute = {
  method: 'GET',
  pattern: '/v1/projects/:projectId/drafts',
  handle: async ({ request, params, container, identity }) => {
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const config = await loadProject(container, params.projectId ?? '');
    requireMember(config, identity);
    const window = parseWindow(config.project, period);
    const drafts = await container.drafts.list(config.project.id, window.id);
    const body: DraftsResponse = { windowId: window.id, drafts };
    return ok(body);
  },
};
