import type { ProjectConfig } from '../domain/config/project-config-schema';

/** A project's configuration and the revision of the stored project item it was read from. */
export interface ConfigSnapshot {
  config: ProjectConfig;
  revision: string;
}

/** How the revision of an item saved before revisions existed starts: its save time follows. */
export const LEGACY_REVISION_PREFIX = 'saved-at:';

/**
 * ConfigStore.save writes a new revision with every configuration; items saved before revisions
 * existed fall back to their save time, which also changes with every save.
 */
export function configRevisionOf(item: { revision?: unknown; updatedAt?: unknown }): string {
  if (typeof item.revision === 'string') return item.revision;
  return `${LEGACY_REVISION_PREFIX}${String(item.updatedAt)}`;
}
