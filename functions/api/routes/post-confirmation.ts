import { routePatterns } from '../../contract/api-paths';
import { type ConfirmationResponse, confirmationRequestSchema } from '../../contract/confirmation-contract';
import { confirmFigures } from '../../use-cases/confirm-figures';
import { installationOf } from '../../use-cases/preview-confirmation';
import { requireListedEditor } from '../auth/require-listed-editor';
import { parseRequest } from '../parse-request';
import { readJsonBody } from '../request-body';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/**
 * A listed editor confirms an installation's figures for a period under their own identity: the body
 * has no actingFor, so a coordinator's trigger cannot confirm for anyone. 201 with the confirmation.
 */
export const postConfirmationRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.confirmations,
  handle: async ({ request, params, container, identity }) => {
    const body = parseRequest(confirmationRequestSchema, readJsonBody(request), 'body');
    const config = await loadProject(container, params.projectId ?? '');
    requireListedEditor(installationOf(config, body.installationId), identity);
    const confirmation = await confirmFigures(container, config, identity, body, container.now());
    const answer: ConfirmationResponse = { confirmation };
    return ok(answer, 201);
  },
};
