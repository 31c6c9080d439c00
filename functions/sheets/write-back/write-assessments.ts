import type { ProjectConfig } from '../../domain/config/project-config-schema';
import type { SheetWrittenTexts } from '../../storage/draft-store';
import { draftWindowAssessments, storeGeneratedDrafts } from '../../use-cases/generate-drafts';
import { assessmentsTab, planAssessments } from '../layout/assessments-tab';
import { coordinatorEditors } from '../layout/setup-plan';
import { TabAllocator } from '../layout/tab-allocation';
import { ensureTab } from '../layout/tab-module';
import { textHash } from '../layout/text-hash';
import { readBoundSheet, type WriteBackDeps, type WriteBackResult, writeOnce } from './write-back-deps';

/** Each installation's newest hash first, the ones known before kept after it. */
function withNewest(known: SheetWrittenTexts, newest: ReadonlyMap<string, string>): SheetWrittenTexts {
  const merged = new Map(known);
  for (const [installationId, hash] of newest) {
    merged.set(installationId, [hash, ...(known.get(installationId) ?? []).filter((old) => old !== hash)]);
  }
  return merged;
}

/** Once the batch applied: what the cells hold now (installations not in this window's plan kept). */
function onlyNewest(known: SheetWrittenTexts, newest: ReadonlyMap<string, string>): SheetWrittenTexts {
  const current = new Map(known);
  for (const [installationId, hash] of newest) current.set(installationId, [hash]);
  return current;
}

/**
 * Who "edited" a draft found changed in the sheet. The Sheets API does not say who typed a text and
 * the sheet's own metadata could say anything, so no person is named: the report reads "Written by
 * an editor of the spreadsheet".
 */
export const SHEET_EDITOR = 'an editor of the spreadsheet';

export interface AssessmentsWriteBackResult extends WriteBackResult {
  windowId: string;
  /** Installations whose assessment cell held a person's text, now stored as their edited draft. */
  editsStored: string[];
  /** Installations whose generated draft was stored (a person's draft is never replaced). */
  stored: string[];
  keptEdited: string[];
}

/**
 * Drafts the window's assessments and writes them to the Assessments tab in one batchUpdate. A
 * person's edit found in the sheet stays there and is stored as the edited draft; the new draft goes
 * beside it. Generated drafts are stored only after the batchUpdate succeeded; every write is safe to
 * repeat.
 */
export async function writeAssessments(
  deps: WriteBackDeps,
  config: ProjectConfig,
  windowSpec: string,
): Promise<AssessmentsWriteBackResult> {
  const projectId = config.project.id;
  const { summary, drafts: generated } = await draftWindowAssessments(deps, config, windowSpec, deps.now());
  const windowId = summary.window.id;
  const sheet = await readBoundSheet(deps, config);
  const storedDrafts = new Map(
    (await deps.drafts.list(projectId, windowId)).map((draft) => [draft.installationId, draft]),
  );
  const sheetTexts = await deps.drafts.sheetTexts(projectId, windowId);
  // Texts the backend knows for any installation of the window: a row whose anchor an editor moved
  // onto another installation's row holds that installation's text, which is nobody's edit.
  const knownHashes = [
    ...new Set([
      ...[...sheetTexts.values()].flat(),
      ...[...storedDrafts.values()].map((draft) => textHash(draft.text)),
    ]),
  ];
  const names = new Map(config.installations.map((installation) => [installation.id, installation.name]));
  const editors = coordinatorEditors({ config, serviceAccountEmail: sheet.serviceAccountEmail });
  const planned = ensureTab(new TabAllocator(sheet.snapshot), assessmentsTab, editors);
  const plan = planAssessments(planned.tab, planned.created, {
    windowId,
    windowLabel: summary.window.label,
    draftedAt: summary.asOf,
    assessments: generated.map((draft) => {
      const stored = storedDrafts.get(draft.installationId);
      return {
        installationId: draft.installationId,
        installationName: names.get(draft.installationId) ?? draft.installationId,
        generatedText: draft.text,
        figuresText: draft.figures.map((figure) => `${figure.label}: ${figure.text}`).join('\n'),
        storedEditedText: stored?.origin === 'edited' ? stored.text : null,
        knownHashes,
      };
    }),
  });
  // People's edits are stored before the sheet marks them as seen (the plan records their hash): if
  // the batchUpdate then fails, the next run finds them again, already stored, instead of losing them.
  const editsStored: string[] = [];
  for (const edit of plan.editsFound) {
    const stored = storedDrafts.get(edit.installationId);
    if (stored?.origin === 'edited' && stored.text === edit.text) continue;
    await deps.drafts.saveEdited(projectId, windowId, edit.installationId, edit.text, SHEET_EDITOR);
    editsStored.push(edit.installationId);
  }
  // The new texts are known before they are sent (a batch that applies but answers nothing must not
  // turn them into "edits"), and the older ones until the batch is known to have applied.
  await deps.drafts.recordSheetTexts(projectId, windowId, withNewest(sheetTexts, plan.cellHashes));
  const written = await writeOnce(sheet, [...planned.requests, ...plan.requests]);
  await deps.drafts.recordSheetTexts(projectId, windowId, onlyNewest(sheetTexts, plan.cellHashes));
  const { stored, keptEdited } = await storeGeneratedDrafts(deps, projectId, windowId, generated);
  return { ...written, windowId, editsStored, stored, keptEdited };
}
