import { routePatterns } from '../../contract/api-paths';
import {
  type ConfigResponse,
  configPutRequestSchema,
  revisionInConfigBody,
  unwrapConfigResponse,
} from '../../contract/contract';
import { describeConfigIssues } from '../../domain/config/config-issue-wording';
import { InvalidConfigError } from '../../domain/errors';
import type { ExpectedRevision } from '../../storage/config-revision';
import { ForbiddenError } from '../auth/auth-errors';
import { requireCoordinator, requireProjectCreator } from '../auth/authorize';
import type { ApiRequest } from '../http-types';
import { readJsonBody } from '../request-body';
import { ok, type ProtectedRoute } from '../route';

/**
 * A body that is not a valid configuration is `invalid-config`, each problem naming the installation,
 * metric or budget and its field (as the CLI and the sheet say it).
 */
function parseConfig(body: unknown) {
  const parsed = configPutRequestSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new InvalidConfigError(describeConfigIssues(unwrapConfigResponse(body), parsed.error.issues));
}

/** `If-None-Match: *`: the writer means to create the project, and is refused if it exists already. */
function createsOnly(request: ApiRequest): boolean {
  return request.headers['if-none-match']?.trim() === '*';
}

/**
 * The revision the writer read: `If-Match` (an ETag of GET config, quoted or not), else the `revision`
 * of GET config's answer sent back as the body; undefined when the writer says neither.
 */
function revisionTheWriterRead(request: ApiRequest, body: unknown): string | undefined {
  const ifMatch = request.headers['if-match']?.trim();
  if (ifMatch !== undefined && ifMatch !== '' && ifMatch !== '*')
    return ifMatch.replace(/^(W\/)?"(.*)"$/, '$2');
  return revisionInConfigBody(body);
}

/**
 * Coordinators replace the project configuration, whole or not at all, on the revision they read
 * (409 naming the current one when someone else saved first; without a revision, the one loaded
 * here). A project that has none yet may be created by a person the deployment names
 * (PROJECT_CREATORS) who lists themself among its coordinators: exactly one creation succeeds, and
 * `If-None-Match: *` makes a write a creation only (409 once the project exists).
 */
export const putConfigRoute: ProtectedRoute = {
  method: 'PUT',
  pattern: routePatterns.config,
  handle: async ({ request, params, container, identity }) => {
    const projectId = params.projectId ?? '';
    const rawBody = readJsonBody(request);
    const current = await container.configs.loadSnapshot(projectId);
    if (current !== null) requireCoordinator(current.config, identity, 'change the configuration');
    else requireProjectCreator(container.projectCreators, identity, projectId);
    const config = parseConfig(rawBody);
    if (config.project.id !== projectId) {
      throw new InvalidConfigError([
        `project.id: found "${config.project.id}", expected "${projectId}" as in the path`,
      ]);
    }
    if (!config.project.coordinators.includes(identity.email)) {
      throw new ForbiddenError(
        `${identity.email} would not be a coordinator of the configuration they save; add them to project.coordinators`,
      );
    }
    const expected: ExpectedRevision =
      current === null || createsOnly(request)
        ? null
        : (revisionTheWriterRead(request, rawBody) ?? current.revision);
    const revision = await container.configs.save(config, identity.email, expected);
    // Edits in this process then load it at once, without waiting for a read to show the new revision.
    container.configCache.forget(projectId);
    const body: ConfigResponse = { config, revision };
    return { ...ok(body, current === null ? 201 : 200), headers: { etag: `"${revision}"` } };
  },
};
