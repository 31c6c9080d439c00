import type { ProjectConfig } from '../../domain/config/project-config-schema';
import type { AssessmentDraft, ExecutiveSummaryDraft } from '../../domain/drafts/assessment-draft';
import type { WindowSummary } from '../../domain/summary/window-summary';

/** Drafts as a coordinator pastes them into the report: a heading per installation, then the text. */
export function renderDrafts(
  config: ProjectConfig,
  summary: WindowSummary,
  executiveSummary: ExecutiveSummaryDraft,
  drafts: readonly AssessmentDraft[],
): string {
  const nameOf = (installationId: string) =>
    config.installations.find((installation) => installation.id === installationId)?.name ?? installationId;
  const sections = [
    `${config.project.title}: assessment drafts for ${summary.window.label}`,
    `## Executive summary\n\n${executiveSummary.text}`,
    ...drafts.map((draft, index) => `## ${index + 1}. ${nameOf(draft.installationId)}\n\n${draft.text}`),
  ];
  return sections.join('\n\n');
}
