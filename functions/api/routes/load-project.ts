import type { ProjectConfig } from '../../domain/config/project-config-schema';
import { ProjectNotFoundError } from '../api-errors';
import type { Container } from '../container';

/** The stored configuration of the project in the path; 404 when there is none. */
export async function loadProject(container: Container, projectId: string): Promise<ProjectConfig> {
  const config = await container.configs.load(projectId);
  if (config === null) throw new ProjectNotFoundError(projectId);
  return config;
}
