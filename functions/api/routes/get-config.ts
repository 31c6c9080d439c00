import { routePatterns } from '../../contract/api-paths';
import type { ConfigResponse } from '../../contract/contract';
import { ProjectNotFoundError } from '../api-errors';
import { requireMember } from '../auth/authorize';
import { ok, type ProtectedRoute } from '../route';

/** The configuration and its revision (also as ETag): a PUT sending it back is refused if it moved. */
export const getConfigRoute: ProtectedRoute = {
  method: 'GET',
  pattern: routePatterns.config,
  handle: async ({ params, container, identity }) => {
    const projectId = params.projectId ?? '';
    const snapshot = await container.configs.loadSnapshot(projectId);
    if (snapshot === null) throw new ProjectNotFoundError(projectId);
    requireMember(snapshot.config, identity);
    const body: ConfigResponse = { config: snapshot.config, revision: snapshot.revision };
    return { ...ok(body), headers: { etag: `"${snapshot.revision}"` } };
  },
};
