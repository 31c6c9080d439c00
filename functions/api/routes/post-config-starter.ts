import { routePatterns } from '../../contract/api-paths';
import type { StarterConfigResponse } from '../../contract/config-tabs-contract';
import { slugSchema } from '../../domain/config/identifiers';
import { starterConfig } from '../../domain/config/tables/starter-config';
import { ConfigRevisionConflictError } from '../../storage/config-revision';
import { InvalidRequestError } from '../api-errors';
import { requireProjectCreator } from '../auth/authorize';
import { ok, type ProtectedRoute } from '../route';

/**
 * "Create project...": a person the deployment lets create projects (PROJECT_CREATORS) creates the
 * project in the path with a starter configuration naming them its coordinator, the rows the
 * configuration tabs then show for them to overwrite. Exactly one creation succeeds (as PUT config
 * with If-None-Match: *); a project that exists answers 409 and is left as it is.
 */
export const postConfigStarterRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.configStarter,
  handle: async ({ params, container, identity }) => {
    const projectId = params.projectId ?? '';
    const id = slugSchema.safeParse(projectId);
    if (!id.success) {
      throw new InvalidRequestError([
        `project id: found "${projectId}"; ${id.error.issues[0]?.message ?? ''}`,
      ]);
    }
    const current = await container.configs.loadSnapshot(projectId);
    if (current !== null) throw new ConfigRevisionConflictError(projectId, null, current.revision);
    requireProjectCreator(container.projectCreators, identity, projectId);
    const firstOfMonth = container.now().toUTC().startOf('month').toISODate() ?? '2025-01-01';
    const config = starterConfig(projectId, identity.email, firstOfMonth);
    const revision = await container.configs.save(config, identity.email, null);
    container.configCache.forget(projectId);
    const body: StarterConfigResponse = { projectId, revision };
    return ok(body, 201);
  },
};
