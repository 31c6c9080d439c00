import type { DateTime } from 'luxon';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import type { DraftStore } from '../../storage/draft-store';
import type { EntryStore } from '../../storage/entry-store';
import type { SheetBindingStore } from '../../storage/sheet-binding-store';
import type { SheetsGateway, SheetTarget } from '../client/sheets-gateway';
import { writeMarkerIds } from '../client/write-marker';
import { readSnapshot, type SpreadsheetSnapshot } from '../layout/sheet-snapshot';
import { SheetNotBoundError, SheetOfAnotherProjectError } from './write-back-errors';

/** What the write-backs use; the API's container provides it, so could a command line. */
export interface WriteBackDeps {
  entries: Pick<EntryStore, 'listCurrent'>;
  drafts: Pick<DraftStore, 'list' | 'saveEdited' | 'saveGenerated'>;
  sheetBindings: Pick<SheetBindingStore, 'get'>;
  sheets: () => SheetsGateway;
  now: () => DateTime;
}

/** What every write-back answers: how many requests went into how many batchUpdates (0 or 1). */
export interface WriteBackResult {
  spreadsheetId: string;
  requests: number;
  batchUpdates: 0 | 1;
}

export interface BoundSheet {
  target: SheetTarget;
  gateway: SheetsGateway;
  serviceAccountEmail: string;
  snapshot: SpreadsheetSnapshot;
  /** Write markers of earlier write-backs, removed by this one's batchUpdate. */
  staleMarkers: number[];
}

/** The project's bound spreadsheet, read once (the write-back's only read) and checked to be the project's. */
export async function readBoundSheet(deps: WriteBackDeps, config: ProjectConfig): Promise<BoundSheet> {
  const projectId = config.project.id;
  const binding = await deps.sheetBindings.get(projectId);
  if (binding === null) throw new SheetNotBoundError(projectId);
  const target = { projectId, spreadsheetId: binding.spreadsheetId };
  const gateway = deps.sheets();
  const spreadsheet = await gateway.readLayout(target);
  const snapshot = readSnapshot(spreadsheet);
  if (snapshot.projectId !== undefined && snapshot.projectId !== projectId) {
    throw new SheetOfAnotherProjectError(binding.spreadsheetId, projectId, snapshot.projectId);
  }
  return {
    target,
    gateway,
    serviceAccountEmail: await gateway.serviceAccountEmail(),
    snapshot,
    staleMarkers: writeMarkerIds(spreadsheet),
  };
}

export async function writeOnce(
  sheet: BoundSheet,
  requests: Parameters<SheetsGateway['batchUpdate']>[1],
): Promise<WriteBackResult> {
  const sent = await sheet.gateway.batchUpdate(sheet.target, requests, sheet.staleMarkers);
  return { spreadsheetId: sheet.target.spreadsheetId, requests: sent, batchUpdates: sent === 0 ? 0 : 1 };
}
