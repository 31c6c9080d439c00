import type { ProjectConfig } from '../config/project-config-schema';
import type { WindowSummary } from '../summary/window-summary';
import type { AssessmentDraft, DraftOptions } from './assessment-draft';
import { draftAssessment } from './draft-assessment';

/** One assessment draft per installation of the configuration, in config (report) order. */
export function draftAssessments(
  config: ProjectConfig,
  summary: WindowSummary,
  options: DraftOptions = {},
): AssessmentDraft[] {
  const byId = new Map(
    summary.installations.map((installation) => [installation.installationId, installation]),
  );
  return config.installations.flatMap((installation) => {
    const summarized = byId.get(installation.id);
    return summarized === undefined ? [] : [draftAssessment(summarized, summary, options)];
  });
}
