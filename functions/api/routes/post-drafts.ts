import { draftAssessments } from '../../domain/drafts/draft-assessments';
import { requireCoordinator } from '../auth/authorize';
import { type DraftsGeneratedResponse, windowQuerySchema } from '../contract';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { computeSummary } from './compute-summary';
import { loadProject } from './load-project';

/** Coordinators (re)generate drafts from the current figures; a draft a person edited is never replaced. */
export const postDraftsRoute: ProtectedRoute = {
  method: 'POST',
  pattern: '/v1/projects/:projectId/drafts',
  handle: async ({ request, params, container, identity }) => {
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const config = await loadProject(container, params.projectId ?? '');
    requireCoordinator(config, identity, 'generate assessment drafts');
    const summary = await computeSummary(container, config, period, container.now());
    const generated = draftAssessments(config, summary);
    const { stored, keptEdited } = await container.drafts.saveGenerated(
      config.project.id,
      summary.window.id,
      generated,
    );
    const drafts = await container.drafts.list(config.project.id, summary.window.id);
    const body: DraftsGeneratedResponse = { windowId: summary.window.id, stored, keptEdited, drafts };
    return ok(body);
  },
};
