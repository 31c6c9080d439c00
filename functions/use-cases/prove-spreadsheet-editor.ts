import { BINDING_CHALLENGE_METADATA_KEY } from '../contract/contract';
import type { SheetsGateway } from '../sheets/client/sheets-gateway';
import type { SheetBindingStore } from '../storage/sheet-binding-store';
import type { SheetChallengeStore } from '../storage/sheet-challenge-store';

export interface ProveSpreadsheetEditorDeps {
  sheets: () => Pick<SheetsGateway, 'readDocumentMetadata'>;
  sheetChallenges: Pick<SheetChallengeStore, 'issue' | 'consume'>;
  sheetBindings: Pick<SheetBindingStore, 'get'>;
}

interface Claim {
  projectId: string;
  spreadsheetId: string;
  email: string;
}

/** Whether the spreadsheet the caller names is the one bound to the project. */
async function isBound(
  deps: Pick<ProveSpreadsheetEditorDeps, 'sheetBindings'>,
  claim: Claim,
): Promise<boolean> {
  const binding = await deps.sheetBindings.get(claim.projectId);
  return binding !== null && binding.spreadsheetId === claim.spreadsheetId;
}

/**
 * A one-time value for someone who says they can edit the project's bound spreadsheet; undefined when
 * it is not the bound one (the caller is then told nothing more than any stranger).
 */
export async function challengeSpreadsheetEditor(deps: ProveSpreadsheetEditorDeps, claim: Claim) {
  if (!(await isBound(deps, claim))) return undefined;
  const issued = await deps.sheetChallenges.issue(claim.projectId, claim.email, claim.spreadsheetId);
  return { ...issued, metadataKey: BINDING_CHALLENGE_METADATA_KEY };
}

/**
 * Whether the caller proved they can edit the project's bound spreadsheet: their unexpired nonce is
 * found there as developer metadata, which only an editor can write, read back by the service account.
 * The challenge is consumed; the add-on removes the metadata it wrote.
 */
export async function provesSpreadsheetEditor(
  deps: ProveSpreadsheetEditorDeps,
  claim: Claim,
): Promise<boolean> {
  if (!(await isBound(deps, claim))) return false;
  const target = { projectId: claim.projectId, spreadsheetId: claim.spreadsheetId };
  const found = await deps.sheets().readDocumentMetadata(target, BINDING_CHALLENGE_METADATA_KEY);
  return deps.sheetChallenges.consume(
    claim.projectId,
    claim.email,
    claim.spreadsheetId,
    found.map((metadata) => metadata.value),
  );
}
