import { routePatterns } from '../../contract/api-paths';
import { applySheetConfig } from '../../use-cases/apply-sheet-config';
import { ProjectNotFoundError } from '../api-errors';
import { requireCoordinator } from '../auth/authorize';
import { ok, type ProtectedRoute } from '../route';

/**
 * Apply configuration: a current coordinator (never a partner, whatever the tabs say) has the
 * configuration tabs read, validated and stored as the next revision; the answer lists every problem
 * on its cell when any is left, and then nothing is stored.
 */
export const postSheetConfigRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.sheetConfig,
  handle: async ({ params, container, identity }) => {
    const projectId = params.projectId ?? '';
    const current = await container.configs.loadSnapshot(projectId);
    if (current === null) throw new ProjectNotFoundError(projectId);
    requireCoordinator(current.config, identity, 'apply the configuration tabs');
    return ok(await applySheetConfig(container, { current, email: identity.email }));
  },
};
