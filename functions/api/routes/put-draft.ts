import { routePatterns } from '../../contract/api-paths';
import { type DraftEditResponse, draftEditRequestSchema, windowQuerySchema } from '../../contract/contract';
import { parseWindow } from '../../domain/calendar/reporting-window';
import { InstallationNotFoundError } from '../api-errors';
import { requireEditorOf, requireMember } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { readJsonBody } from '../request-body';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/**
 * A person saves their own text for one installation's assessment: coordinators for any installation,
 * partners for those listing them as editors. From then on regenerating drafts keeps this text.
 */
export const putDraftRoute: ProtectedRoute = {
  method: 'PUT',
  pattern: routePatterns.draft,
  handle: async ({ request, params, container, identity }) => {
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const { text } = parseRequest(draftEditRequestSchema, readJsonBody(request), 'body');
    const config = await loadProject(container, params.projectId ?? '');
    // Before anything about the project's installations: an outsider learns nothing of them.
    requireMember(config, identity);
    const installationId = params.installationId ?? '';
    if (!config.installations.some((installation) => installation.id === installationId)) {
      const known = config.installations.map((installation) => installation.id);
      throw new InstallationNotFoundError(config.project.id, installationId, known);
    }
    requireEditorOf(config, identity, [installationId]);
    const window = parseWindow(config.project, period);
    const draft = await container.drafts.saveEdited(
      config.project.id,
      window.id,
      installationId,
      text,
      identity.email,
    );
    const body: DraftEditResponse = { draft };
    return ok(body);
  },
};
