import type { InstallationRole } from '../config/installation-schema';
import type { ProjectConfig } from '../config/project-config-schema';
import type { DraftFormat } from '../drafts/draft-format';
import type { WindowSummary } from '../summary/window-summary';
import type { IntroductionSection } from './report-model';

const ROLE_TITLES: Record<InstallationRole, string> = {
  platform: 'platform services',
  infrastructure: 'infrastructure services underpinning the platform',
};

/** The introduction: what the report covers, then the installations by task and role, in config order. */
export function introductionSection(
  config: ProjectConfig,
  summary: WindowSummary,
  sectionNumbers: ReadonlyMap<string, string>,
  format: DraftFormat,
): IntroductionSection {
  const window = summary.window;
  const groups: IntroductionSection['groups'] = [];
  for (const installation of config.installations) {
    let group = groups.find((item) => item.task === installation.task && item.role === installation.role);
    if (group === undefined) {
      group = {
        task: installation.task,
        role: installation.role,
        title: `${installation.task}: ${ROLE_TITLES[installation.role]}`,
        installations: [],
      };
      groups.push(group);
    }
    group.installations.push({ number: sectionNumbers.get(installation.id) ?? '', name: installation.name });
  }
  const count = config.installations.length;
  const tasks = [...new Set(config.installations.map((installation) => installation.task))];
  return {
    paragraphs: [
      `This document provides the Virtual Access metrics and their assessment for ${config.project.title} over ${window.label}, from ${window.startDate} to ${window.endDate}. Installations are made available free of charge at the point of use; their usage is reported per period against the baselines and the budgets of the project.`,
      `${format.number(count)} ${count === 1 ? 'installation is' : 'installations are'} reported, in ${format.number(tasks.length)} ${tasks.length === 1 ? 'task' : 'tasks'} (${format.list(tasks)}). Section 2 gives, for each, its description, its metrics for every period so far and its assessment.`,
    ],
    groups,
  };
}
