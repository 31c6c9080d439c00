import type { ProjectConfig } from '../../domain/config/project-config-schema';
import { requireMember } from '../auth/authorize';
import type { RouteContext } from '../route';
import { loadProject } from './load-project';
import { reportLinkSecret } from './report-link-secret';

/**
 * A download route's caller (the report, the EC portal table): a signed link carries its own proof,
 * checked by `verifyLink` with the links' secret; anyone else sends a member's token. Answers the
 * project's configuration.
 */
export async function requireSignedLinkOrMember(
  { request, params, container }: RouteContext,
  signature: string | undefined,
  verifyLink: (signature: string, secret: string, nowSeconds: number) => void,
): Promise<ProjectConfig> {
  const projectId = params.projectId ?? '';
  if (signature !== undefined) {
    verifyLink(signature, reportLinkSecret(container), Math.floor(container.now().toSeconds()));
    return loadProject(container, projectId);
  }
  const identity = await container.authenticate(request);
  // Read once: the member check and the download use the same configuration.
  const config = await loadProject(container, projectId);
  requireMember(config, identity);
  return config;
}
