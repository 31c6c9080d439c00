import { keys } from '../../infra/table-design';
import {
  type CellItem,
  currentFromCell,
  type HistoryItem,
  historyFromItem,
  keptResultOf,
  type RecordedSubmission,
  type RequestRecord,
  type SubmissionRecord,
  toJson,
} from './entry-records';

/** What a submission sent and its outcome, alike in its history item and in the cell it made current. */
function outcomeFields(submission: SubmissionRecord) {
  return {
    rawJson: toJson(submission.raw),
    valueJson: toJson(submission.value),
    normalized: submission.normalized,
    status: submission.status,
    issues: submission.issues,
    editor: submission.editor,
  };
}

/**
 * The history item of one submission: what was sent, its outcome, who sent it, its version. Keyed by
 * the submission's requestId, it is the request's idempotency record too: one item per submission.
 */
export function historyItem(historyPk: string, submission: SubmissionRecord, version: number): HistoryItem {
  return {
    pk: historyPk,
    sk: keys.requestSk(submission.requestId),
    type: 'history',
    projectId: submission.projectId,
    installationId: submission.installationId,
    metricId: submission.metricId,
    periodId: submission.periodId,
    version,
    ...outcomeFields(submission),
    ...(submission.possibleEditors === undefined ? {} : { possibleEditors: submission.possibleEditors }),
    submittedBy: submission.submittedBy === undefined ? submission.editor : submission.submittedBy,
    via: submission.via ?? 'direct',
    submittedAt: submission.submittedAt,
    requestId: submission.requestId,
    ...(submission.amendment === undefined ? {} : { amendment: submission.amendment }),
  };
}

/** The cell's current item after `submission` became its version `version`. */
export function nextCellItem(
  cellKey: { pk: string; sk: string },
  cell: CellItem | undefined,
  submission: SubmissionRecord,
  version: number,
): CellItem {
  const counters = {
    ...cellKey,
    type: 'entry' as const,
    projectId: submission.projectId,
    installationId: submission.installationId,
    metricId: submission.metricId,
    periodId: submission.periodId,
    submissions: version,
    lastStatus: submission.status,
    lastSubmittedAt: submission.submittedAt,
  };
  if (submission.status === 'rejected') {
    // Kept beside the current value so a reconcile can repeat this answer instead of resending it.
    return {
      ...cell,
      ...counters,
      lastRawJson: toJson(submission.raw),
      lastIssues: submission.issues,
    };
  }
  // A fresh item: the accepted submission is both current and latest, so no lastRaw is kept.
  return {
    ...counters,
    currentVersion: version,
    ...outcomeFields(submission),
    updatedAt: submission.submittedAt,
  };
}

/**
 * The result first returned for a request, from its record. An accepted submission's history item
 * keeps no result: it became the cell's current value, so that value is derived from it again by
 * the rule that made it (nextCellItem).
 */
export function recordedFromRequest(item: RequestRecord): RecordedSubmission {
  const kept = keptResultOf(item);
  if (kept !== undefined) return kept;
  if (item.type !== 'history') throw new Error(`the request record ${item.sk} holds no result`);
  const cellKey = { pk: keys.projectPk(item.projectId), sk: keys.entrySk(item) };
  const cell = nextCellItem(cellKey, undefined, historyFromItem(item), item.version);
  return { version: item.version, current: currentFromCell(cell), becameCurrent: true, replayed: true };
}

/** Every attribute a cell item may have: what a read projects, checked against CellItem below. */
export const CELL_ATTRIBUTES = [
  'pk',
  'sk',
  'type',
  'projectId',
  'installationId',
  'metricId',
  'periodId',
  'submissions',
  'lastStatus',
  'lastSubmittedAt',
  'lastRawJson',
  'lastIssues',
  'currentVersion',
  'rawJson',
  'valueJson',
  'normalized',
  'status',
  'issues',
  'editor',
  'updatedAt',
] as const satisfies readonly (keyof CellItem)[];

// A CellItem field missing from CELL_ATTRIBUTES fails to compile: a projected read would drop it.
type UnprojectedCellAttribute = Exclude<keyof CellItem, (typeof CELL_ATTRIBUTES)[number]>;
const everyCellAttributeProjected: [UnprojectedCellAttribute] extends [never] ? true : never = true;
void everyCellAttributeProjected;
