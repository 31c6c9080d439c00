import type { ConfigRevisionStamp } from '../storage/config-revision';

/**
 * Apply configuration refused: the configuration tabs were not written from (nor applied as) the
 * stored revision, so storing them would silently undo a newer configuration (a PUT by a script or
 * another coordinator). Names the stored revision and what to do; nothing is painted or stored.
 */
export class ConfigTabsStaleError extends Error {
  readonly retryable = false as const;

  constructor(
    readonly projectId: string,
    /** The revision the tabs were last written from; null: the backend has no record of them. */
    readonly tabsRevision: string | null,
    readonly stored: ConfigRevisionStamp,
  ) {
    const stamp = `revision ${stored.revision} by ${stored.updatedBy} at ${stored.updatedAt}`;
    const changed =
      tabsRevision === null
        ? `the backend has no record of which configuration these tabs were written from; the stored one is ${stamp}`
        : `the configuration changed since these tabs were written: ${stamp} (the tabs show revision ${tabsRevision})`;
    super(
      `${changed}; run Set up reporting sheet to rewrite the tabs from the stored configuration, then make your changes again. Nothing was stored.`,
    );
    this.name = 'ConfigTabsStaleError';
  }
}
