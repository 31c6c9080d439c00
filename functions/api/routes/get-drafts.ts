import { apiPaths, routePatterns } from '../../contract/api-paths';
import { type DraftsResponse, windowQuerySchema } from '../../contract/contract';
import { parseWindow } from '../../domain/calendar/reporting-window';
import { requireMember } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/** Drafts are stored when a coordinator generates them, never on read: an empty list says how to get some. */
function noDraftsHint(projectId: string, windowId: string): string {
  return (
    `No drafts are stored for ${windowId} yet: a coordinator generates them with ` +
    `POST ${apiPaths.drafts(projectId, windowId)} (or POST ${apiPaths.sheetAssessments(projectId, windowId)}, ` +
    'which also writes them into the Assessments tab).'
  );
}

export const getDraftsRoute: ProtectedRoute = {
  method: 'GET',
  pattern: routePatterns.drafts,
  handle: async ({ request, params, container, identity }) => {
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const config = await loadProject(container, params.projectId ?? '');
    requireMember(config, identity);
    const window = parseWindow(config.project, period);
    const drafts = await container.drafts.list(config.project.id, window.id);
    const body: DraftsResponse = {
      windowId: window.id,
      drafts,
      ...(drafts.length === 0 ? { hint: noDraftsHint(config.project.id, window.id) } : {}),
    };
    return ok(body);
  },
};
