import type { ConfigSnapshot } from '../storage/config-revision';

/**
 * Where a use case gets a project's configuration: a per-process cache in the API. Both throw when the
 * project has no configuration (the API's 404).
 */
export interface ConfigSource {
  /** The configuration as last known, loaded on first use. */
  current(projectId: string): Promise<ConfigSnapshot>;
  /** Loaded again, after the stored revision was seen to differ from the known one. */
  refresh(projectId: string): Promise<ConfigSnapshot>;
}
