import { InvalidConfigError } from '../../domain/errors';
import { InvalidRequestError } from '../api-errors';
import { ForbiddenError } from '../auth/auth-errors';
import { requireCoordinator } from '../auth/authorize';
import { type ConfigResponse, configPutRequestSchema } from '../contract';
import { parseRequest } from '../parse-request';
import { readJsonBody } from '../request-body';
import { ok, type ProtectedRoute } from '../route';

/** A body that is not a valid configuration is `invalid-config`, each problem naming its field. */
function parseConfig(body: unknown) {
  try {
    return parseRequest(configPutRequestSchema, body, 'config');
  } catch (error) {
    if (error instanceof InvalidRequestError) throw new InvalidConfigError(error.problems);
    throw error;
  }
}

/**
 * Coordinators replace the project configuration. A project that has none yet may be created by
 * anyone who lists themself among its coordinators; after that only coordinators may change it.
 */
export const putConfigRoute: ProtectedRoute = {
  method: 'PUT',
  pattern: '/v1/projects/:projectId/config',
  handle: async ({ request, params, container, identity }) => {
    const projectId = params.projectId ?? '';
    const config = parseConfig(readJsonBody(request));
    if (config.project.id !== projectId) {
      throw new InvalidConfigError([
        `project.id: found "${config.project.id}", expected "${projectId}" as in the path`,
      ]);
    }
    const current = await container.configs.load(projectId);
    if (current !== null) {
      requireCoordinator(current, identity, 'change the configuration');
    }
    if (!config.project.coordinators.includes(identity.email)) {
      throw new ForbiddenError(
        `${identity.email} would not be a coordinator of the configuration they save; add them to project.coordinators`,
      );
    }
    await container.configs.save(config, identity.email);
    // Edits in this process then load it at once, without waiting for a read to show the new revision.
    container.configCache.forget(projectId);
    const body: ConfigResponse = { config };
    return ok(body, current === null ? 201 : 200);
  },
};
