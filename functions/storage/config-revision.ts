import type { ProjectConfig } from '../domain/config/project-config-schema';

/** A project's configuration and the revision of the stored project item it was read from. */
export interface ConfigSnapshot {
  config: ProjectConfig;
  revision: string;
}

/** A stored revision with who saved it and when (ISO instant): what a refusal names. */
export interface ConfigRevisionStamp {
  revision: string;
  updatedBy: string;
  updatedAt: string;
}

/**
 * On the project's configuration item: how many times its periods were locked or reopened. A
 * submission reads it with the revision and its transaction checks it is unchanged.
 */
export const LOCK_CHANGES_ATTRIBUTE = 'lockChanges';

/** The count of lock changes on a configuration item as read (0 when never locked). */
export function lockChangesOf(item: Record<string, unknown> | undefined): number {
  const count = item?.[LOCK_CHANGES_ATTRIBUTE];
  return typeof count === 'number' ? count : 0;
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

/**
 * What a configuration write is conditioned on: the revision the writer read, or `null` for "the
 * project has no configuration yet" (a creation, which succeeds for exactly one caller).
 */
export type ExpectedRevision = string | null;

/**
 * Another write reached the project's configuration first: nothing of this one is in effect. Names the
 * revision now stored (null: the project still has none) so a client can reload and say so.
 */
export class ConfigRevisionConflictError extends Error {
  readonly retryable = false as const;

  constructor(
    readonly projectId: string,
    readonly expected: ExpectedRevision,
    readonly current: string | null,
  ) {
    super(
      expected === null
        ? `Project "${projectId}" already exists: someone else created it first (revision ${current ?? 'unknown'}); nothing was saved. Reload its configuration, and ask one of its coordinators to list you if you need to change it.`
        : current === null
          ? `Someone else changed the configuration of project "${projectId}": you read revision ${expected}, and it no longer exists; nothing was saved.`
          : `Someone else changed the configuration of project "${projectId}": you read revision ${expected}, the current revision is ${current}; nothing was saved. Reload it, apply your change again and save.`,
    );
    this.name = 'ConfigRevisionConflictError';
  }
}
