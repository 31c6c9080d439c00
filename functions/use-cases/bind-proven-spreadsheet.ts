import { BINDING_CHALLENGE_METADATA_KEY } from '../contract/contract';
import type { SheetsGateway } from '../sheets/client/sheets-gateway';
import type { SheetBinding, SheetBindingStore } from '../storage/sheet-binding-store';
import type { SheetChallengeStore } from '../storage/sheet-challenge-store';
import { requireSpreadsheetOfProject } from './require-spreadsheet-of-project';

/** The caller did not show that they can edit the spreadsheet: nothing was bound or written. */
export class SpreadsheetEditNotProvenError extends Error {
  constructor(
    readonly spreadsheetId: string,
    readonly email: string,
  ) {
    super(
      `${email} has not shown that they can edit the spreadsheet ${spreadsheetId}: the add-on proves it from inside the spreadsheet (Extensions › va-assess › Set up reporting sheet), writing the one-time value of POST .../sheet/challenge as its "${BINDING_CHALLENGE_METADATA_KEY}" developer metadata within 10 minutes; nothing was bound or written`,
    );
    this.name = 'SpreadsheetEditNotProvenError';
  }
}

export interface BindProvenSpreadsheetDeps {
  sheets: () => Pick<SheetsGateway, 'readDocumentMetadata' | 'batchUpdate'>;
  sheetChallenges: Pick<SheetChallengeStore, 'consume'>;
  sheetBindings: Pick<SheetBindingStore, 'bind' | 'ownerOf'>;
  log: (line: string) => void;
}

/**
 * Binds a spreadsheet to a project only once its coordinator proved they can edit it: the challenge
 * they asked for must be found in the spreadsheet (developer metadata only an editor can write),
 * read back by the service account. Spreadsheet ids are not secrets; edit rights are. Nothing is
 * written into the spreadsheet before the proof; after it, the answered challenge is removed.
 */
export async function bindProvenSpreadsheet(
  deps: BindProvenSpreadsheetDeps,
  request: { projectId: string; spreadsheetId: string; email: string },
): Promise<SheetBinding> {
  const target = { projectId: request.projectId, spreadsheetId: request.spreadsheetId };
  // Said before the proof is read: the challenge is not spent on a spreadsheet that cannot be bound.
  await requireSpreadsheetOfProject(deps, request.projectId, request.spreadsheetId);
  const sheets = deps.sheets();
  const found = await sheets.readDocumentMetadata(target, BINDING_CHALLENGE_METADATA_KEY);
  const proven = await deps.sheetChallenges.consume(
    request.projectId,
    request.email,
    request.spreadsheetId,
    found.map((metadata) => metadata.value),
  );
  if (!proven) throw new SpreadsheetEditNotProvenError(request.spreadsheetId, request.email);
  const binding = await deps.sheetBindings.bind(request.projectId, request.spreadsheetId, request.email);
  try {
    await sheets.batchUpdate(
      target,
      found.map((metadata) => ({
        deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: metadata.id } } },
      })),
    );
  } catch (error) {
    // The binding stands; a challenge left behind is spent and proves nothing any more.
    deps.log(`binding challenge not removed from ${request.spreadsheetId}: ${String(error)}`);
  }
  return binding;
}
