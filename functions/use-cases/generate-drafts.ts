import type { DateTime } from 'luxon';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import type { AssessmentDraft } from '../domain/drafts/assessment-draft';
import { draftAssessments } from '../domain/drafts/draft-assessments';
import type { WindowSummary } from '../domain/summary/window-summary';
import type { DraftStore, StoredDraft } from '../storage/draft-store';
import type { EntryStore } from '../storage/entry-store';
import { computeSummary } from './compute-summary';

export interface DraftedWindow {
  summary: WindowSummary;
  drafts: AssessmentDraft[];
}

export interface GeneratedDrafts {
  windowId: string;
  /** Installations whose generated draft was stored. */
  stored: string[];
  /** Installations whose draft a person edited: kept, never replaced by a generated one. */
  keptEdited: string[];
  /** The window's drafts as stored now, edited and generated. */
  drafts: StoredDraft[];
}

/**
 * The first half of generating drafts: the window's figures and a draft per installation, nothing
 * stored yet. Split from the saving so that the Assessments write-back can write the sheet in between.
 */
export async function draftWindowAssessments(
  deps: { entries: Pick<EntryStore, 'listCurrent'> },
  config: ProjectConfig,
  windowSpec: string,
  now: DateTime,
): Promise<DraftedWindow> {
  const summary = await computeSummary(deps, config, windowSpec, now);
  return { summary, drafts: draftAssessments(config, summary) };
}

/** The second half: stores the generated drafts; a draft a person edited is never replaced. */
export function storeGeneratedDrafts(
  deps: { drafts: Pick<DraftStore, 'saveGenerated'> },
  projectId: string,
  windowId: string,
  drafts: readonly AssessmentDraft[],
): Promise<{ stored: string[]; keptEdited: string[] }> {
  return deps.drafts.saveGenerated(
    projectId,
    windowId,
    drafts.map((draft) => ({
      installationId: draft.installationId,
      text: draft.text,
      figures: draft.figures,
    })),
  );
}

/** (Re)generates the window's drafts from the stored current figures and answers them as now stored. */
export async function generateDrafts(
  deps: { entries: Pick<EntryStore, 'listCurrent'>; drafts: Pick<DraftStore, 'saveGenerated' | 'list'> },
  config: ProjectConfig,
  windowSpec: string,
  now: DateTime,
): Promise<GeneratedDrafts> {
  const projectId = config.project.id;
  const { summary, drafts: generated } = await draftWindowAssessments(deps, config, windowSpec, now);
  const windowId = summary.window.id;
  const { stored, keptEdited } = await storeGeneratedDrafts(deps, projectId, windowId, generated);
  const drafts = await deps.drafts.list(projectId, windowId);
  return { windowId, stored, keptEdited, drafts };
}
