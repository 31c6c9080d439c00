import { routePatterns } from '../../contract/api-paths';
import type { AccessResponse } from '../../contract/contract';
import { editableInstallations, isCoordinator } from '../auth/authorize';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/**
 * The caller's role in the project. Answers 200 for outsiders too ("none"): the add-on's settings
 * check tells a person what they may do rather than failing.
 */
export const getAccessRoute: ProtectedRoute = {
  method: 'GET',
  pattern: routePatterns.access,
  handle: async ({ params, container, identity }) => {
    const config = await loadProject(container, params.projectId ?? '');
    const editable = editableInstallations(config, identity);
    const role = isCoordinator(config, identity) ? 'coordinator' : editable.size > 0 ? 'partner' : 'none';
    const body: AccessResponse = {
      projectId: config.project.id,
      email: identity.email,
      role,
      installations: config.installations
        .filter((installation) => editable.has(installation.id))
        .map((installation) => ({ id: installation.id, name: installation.name })),
    };
    return ok(body);
  },
};
