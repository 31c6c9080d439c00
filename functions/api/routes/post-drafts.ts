import { routePatterns } from '../../contract/api-paths';
import { type DraftsGeneratedResponse, windowQuerySchema } from '../../contract/contract';
import { generateDrafts } from '../../use-cases/generate-drafts';
import { requireCoordinator } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/** Coordinators (re)generate drafts from the current figures; a draft a person edited is never replaced. */
export const postDraftsRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.drafts,
  handle: async ({ request, params, container, identity }) => {
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const config = await loadProject(container, params.projectId ?? '');
    requireCoordinator(config, identity, 'generate assessment drafts');
    const body: DraftsGeneratedResponse = await generateDrafts(container, config, period, container.now());
    return ok(body);
  },
};
