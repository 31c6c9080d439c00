import type { ProjectConfig } from '../project-config-schema';
import type { ConfigProblem } from './config-problems';
import type { ConfigGrids } from './grids-to-config';
import { projectFieldCell } from './read-project-tab';

/**
 * The tabs are anyone's edit: they may describe the project, never decide who holds it. The project
 * they describe must be the one the spreadsheet is bound to, and the coordinator applying them must
 * still be one of its coordinators (as PUT config demands), so nobody applies themself out of the
 * project or a configuration naming another project.
 */
export function applierProblems(
  config: ProjectConfig,
  grids: ConfigGrids,
  applying: { projectId: string; email: string },
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (config.project.id !== applying.projectId) {
    problems.push({
      ...projectFieldCell(grids.project, 'id'),
      message: `Project, Project id: found "${config.project.id}"; this spreadsheet is bound to project "${applying.projectId}", so expected "${applying.projectId}"`,
    });
  }
  if (!config.project.coordinators.includes(applying.email.toLowerCase())) {
    problems.push({
      ...projectFieldCell(grids.project, 'coordinators'),
      message: `Project, Coordinators: ${applying.email} applies this configuration but is not listed; expected them among the coordinators (another coordinator may remove them)`,
    });
  }
  return problems;
}
