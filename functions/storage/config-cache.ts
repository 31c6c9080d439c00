import type { ConfigSnapshot } from './config-revision';
import type { ConfigStore } from './config-store';

/**
 * Each project's configuration, loaded once per process and kept: an edit reads the stored revision
 * in the same request as its cells (EntryStore.readForSubmission) and calls `refresh` when it moved, so
 * a configuration saved by any process is used from the next edit on without a Query per edit.
 */
export class ConfigCache {
  private readonly snapshots = new Map<string, Promise<ConfigSnapshot | null>>();

  constructor(private readonly configs: Pick<ConfigStore, 'loadSnapshot'>) {}

  /** The cached configuration, loaded on first use; concurrent first uses share one load. */
  get(projectId: string): Promise<ConfigSnapshot | null> {
    const cached = this.snapshots.get(projectId);
    if (cached !== undefined) return cached;
    return this.refresh(projectId);
  }

  /** Drops the cached configuration: this process just saved another one, the next use loads it. */
  forget(projectId: string): void {
    this.snapshots.delete(projectId);
  }

  /**
   * Loads the stored configuration again and keeps it. A failed load is not kept, nor is "no
   * configuration": the project may get one at any moment, and asking costs only its 404s.
   */
  refresh(projectId: string): Promise<ConfigSnapshot | null> {
    const loading = this.configs.loadSnapshot(projectId);
    this.snapshots.set(projectId, loading);
    const forget = () => {
      if (this.snapshots.get(projectId) === loading) this.snapshots.delete(projectId);
    };
    loading.then((snapshot) => (snapshot === null ? forget() : undefined), forget);
    return loading;
  }
}
