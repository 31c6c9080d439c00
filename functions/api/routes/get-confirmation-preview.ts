import { routePatterns } from '../../contract/api-paths';
import { confirmationPreviewQuerySchema } from '../../contract/confirmation-contract';
import { previewConfirmation } from '../../use-cases/preview-confirmation';
import { requireMember } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/** What confirming an installation's period would cover; any member may look, `mayConfirm` says who may act. */
export const getConfirmationPreviewRoute: ProtectedRoute = {
  method: 'GET',
  pattern: routePatterns.confirmationPreview,
  handle: async ({ request, params, container, identity }) => {
    const { period } = parseRequest(confirmationPreviewQuerySchema, request.query, 'query');
    const config = await loadProject(container, params.projectId ?? '');
    requireMember(config, identity);
    return ok(
      await previewConfirmation(
        container,
        config,
        params.installationId ?? '',
        period,
        identity,
        container.now(),
      ),
    );
  },
};
