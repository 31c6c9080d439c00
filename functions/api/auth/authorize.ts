import type { ProjectConfig } from '../../domain/config/project-config-schema';
import { ForbiddenError } from './auth-errors';
import type { Identity } from './identity';

/**
 * Roles come from the project configuration: coordinators may do everything; a partner may write
 * only the installations that list them as editors, and read what the shared sheet shows anyway.
 */
export function isCoordinator(config: ProjectConfig, identity: Identity): boolean {
  return config.project.coordinators.includes(identity.email);
}

export function editableInstallations(config: ProjectConfig, identity: Identity): Set<string> {
  if (isCoordinator(config, identity)) return new Set(config.installations.map((item) => item.id));
  return new Set(
    config.installations.filter((item) => item.editors.includes(identity.email)).map((item) => item.id),
  );
}

export function isMember(config: ProjectConfig, identity: Identity): boolean {
  return isCoordinator(config, identity) || editableInstallations(config, identity).size > 0;
}

export function requireMember(config: ProjectConfig, identity: Identity): void {
  if (!isMember(config, identity)) {
    throw new ForbiddenError(
      `${identity.email} is neither a coordinator nor an editor of project "${config.project.id}"`,
    );
  }
}

export function requireCoordinator(config: ProjectConfig, identity: Identity, action: string): void {
  if (!isCoordinator(config, identity)) {
    throw new ForbiddenError(
      `Only coordinators of project "${config.project.id}" may ${action}; ${identity.email} is not one`,
    );
  }
}

/**
 * Every installation a request writes must be the caller's. Ids the config does not know are left to
 * the validator, which rejects them cell by cell without storing anything.
 */
export function requireEditorOf(
  config: ProjectConfig,
  identity: Identity,
  installationIds: Iterable<string>,
): void {
  if (isCoordinator(config, identity)) return;
  const known = new Set(config.installations.map((item) => item.id));
  const editable = editableInstallations(config, identity);
  const refused = [...new Set(installationIds)].filter((id) => known.has(id) && !editable.has(id));
  if (refused.length > 0) {
    throw new ForbiddenError(
      `${identity.email} may not write installation(s) ${refused.map((id) => `"${id}"`).join(', ')}: ` +
        'only their listed editors and the coordinators may; nothing was stored',
    );
  }
}

/**
 * Creating a project makes its creator a coordinator, who may then bind a spreadsheet and have the
 * service account write there: limited to whom the deployment names (PROJECT_CREATORS).
 */
export function requireProjectCreator(
  creators: readonly string[],
  identity: Identity,
  projectId: string,
): void {
  const email = identity.email.toLowerCase();
  const domain = email.slice(email.lastIndexOf('@'));
  if (creators.includes(email) || creators.includes(domain)) return;
  throw new ForbiddenError(
    creators.length === 0
      ? `Project "${projectId}" does not exist, and this deployment lets nobody create projects over the API (PROJECT_CREATORS is empty): ask its operator`
      : `Project "${projectId}" does not exist, and ${identity.email} may not create projects on this deployment: ask its operator to add you to PROJECT_CREATORS, or a coordinator who may`,
  );
}
