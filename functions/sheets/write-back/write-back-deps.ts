import type { DateTime } from 'luxon';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import type { DraftStore } from '../../storage/draft-store';
import type { EntryStore } from '../../storage/entry-store';
import type { SheetBindingStore } from '../../storage/sheet-binding-store';
import type { SheetsGateway, SheetTarget } from '../client/sheets-gateway';
import { writeMarkerIds } from '../client/write-marker';
import { readSnapshot, type SpreadsheetSnapshot } from '../layout/sheet-snapshot';
import { type AnchorRepair, repairProjectAnchor } from './project-anchor-repair';
import { SheetNotBoundError } from './write-back-errors';

/** What the write-backs use; the API's container provides it, so could a command line. */
export interface WriteBackDeps {
  entries: Pick<EntryStore, 'listCurrent'>;
  drafts: Pick<DraftStore, 'list' | 'saveEdited' | 'saveGenerated' | 'sheetTexts' | 'recordSheetTexts'>;
  sheetBindings: Pick<SheetBindingStore, 'get'>;
  sheets: () => SheetsGateway;
  now: () => DateTime;
}

/** What every write-back answers: how many requests went into how many batchUpdates (0 or 1). */
export interface WriteBackResult {
  spreadsheetId: string;
  requests: number;
  batchUpdates: 0 | 1;
  /** What the write-back found wrong in the sheet's own bookkeeping and put right (absent: nothing). */
  repaired?: string[];
}

export interface BoundSheet {
  target: SheetTarget;
  gateway: SheetsGateway;
  serviceAccountEmail: string;
  snapshot: SpreadsheetSnapshot;
  /** Write markers of earlier write-backs, removed by this one's batchUpdate. */
  staleMarkers: number[];
  /** A project anchor rewritten to another project, put back (sent even when nothing else changes). */
  anchorRepair: AnchorRepair;
}

/**
 * The project's bound spreadsheet, read once (the write-back's only read). The binding decides whose
 * it is: a project anchor naming another project is repaired by the write, not obeyed.
 */
export async function readBoundSheet(deps: WriteBackDeps, config: ProjectConfig): Promise<BoundSheet> {
  const projectId = config.project.id;
  const binding = await deps.sheetBindings.get(projectId);
  if (binding === null) throw new SheetNotBoundError(projectId);
  const target = { projectId, spreadsheetId: binding.spreadsheetId };
  const gateway = deps.sheets();
  const spreadsheet = await gateway.readLayout(target);
  const snapshot = readSnapshot(spreadsheet);
  return {
    target,
    gateway,
    serviceAccountEmail: await gateway.serviceAccountEmail(),
    snapshot,
    staleMarkers: writeMarkerIds(spreadsheet),
    anchorRepair: repairProjectAnchor(spreadsheet, projectId),
  };
}

export async function writeOnce(
  sheet: BoundSheet,
  requests: Parameters<SheetsGateway['batchUpdate']>[1],
): Promise<WriteBackResult> {
  const { repaired } = sheet.anchorRepair;
  const all = [...sheet.anchorRepair.requests, ...requests];
  const sent = await sheet.gateway.batchUpdate(sheet.target, all, sheet.staleMarkers);
  return {
    spreadsheetId: sheet.target.spreadsheetId,
    requests: sent,
    batchUpdates: sent === 0 ? 0 : 1,
    ...(repaired.length === 0 ? {} : { repaired }),
  };
}
