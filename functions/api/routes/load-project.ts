import type { ProjectConfig } from '../../domain/config/project-config-schema';
import type { ConfigSnapshot } from '../../storage/config-revision';
import type { ConfigSource } from '../../use-cases/config-source';
import { ProjectNotFoundError } from '../api-errors';
import type { Container } from '../container';

/** The stored configuration of the project in the path; 404 when there is none. */
export async function loadProject(container: Container, projectId: string): Promise<ProjectConfig> {
  const config = await container.configs.load(projectId);
  if (config === null) throw new ProjectNotFoundError(projectId);
  return config;
}

/** The stored configuration with its revision; 404 when there is none. */
export async function loadProjectSnapshot(container: Container, projectId: string): Promise<ConfigSnapshot> {
  const snapshot = await container.configs.loadSnapshot(projectId);
  if (snapshot === null) throw new ProjectNotFoundError(projectId);
  return snapshot;
}

/**
 * The project's configuration from the process's cache, for edits: they read the stored revision with
 * their cells and ask for a fresh copy only when it moved. 404 when the project has none.
 */
export function cachedProjectConfigs(container: Pick<Container, 'configCache'>): ConfigSource {
  const found = async (projectId: string, snapshot: Promise<ConfigSnapshot | null>) => {
    const loaded = await snapshot;
    if (loaded === null) throw new ProjectNotFoundError(projectId);
    return loaded;
  };
  return {
    current: (projectId) => found(projectId, container.configCache.get(projectId)),
    refresh: (projectId) => found(projectId, container.configCache.refresh(projectId)),
  };
}
