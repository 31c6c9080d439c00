import type { CellOutcome, CellSubmission } from '../contract/contract';
import type { ValidationOutcome } from '../domain/validation/validation-outcome';
import type { Amendment, CurrentEntry, SubmissionRecord } from '../storage/entry-records';
import type { Submitter } from './submitter';

/** A submitted cell with the outcome it gets, as submitEntries stores and answers it. */
export interface Submitted {
  cell: CellSubmission;
  outcome: ValidationOutcome;
  /** Unique per cell and stable across retries of the same request. */
  requestId: string;
  /** A coordinator's change of a cell in a locked period. */
  amendment?: Amendment;
}

export function outcomeOf(item: Submitted, version: number | null): CellOutcome {
  const { cell, outcome } = item;
  return {
    installationId: cell.installationId,
    metricId: cell.metricId,
    periodId: cell.periodId,
    ...(cell.cell === undefined ? {} : { cell: cell.cell }),
    status: outcome.status,
    message: outcome.issues.map((issue) => issue.message).join(' '),
    issues: outcome.issues,
    normalized: outcome.normalized,
    value: outcome.value,
    version,
    ...(item.amendment === undefined ? {} : { amendment: item.amendment }),
  };
}

/** A cell the reported editor may not write: rejected, and kept in the history as the audit trail. */
export function refusedOutcome(
  outcome: ValidationOutcome,
  cell: CellSubmission,
  editor: string,
): ValidationOutcome {
  const where = cell.cell === undefined ? '' : ` (cell ${cell.cell})`;
  return {
    ...outcome,
    status: 'rejected',
    value: null,
    normalized: '',
    issues: [
      {
        ruleId: 'not-an-editor',
        severity: 'error',
        message:
          `${editor} may not write installation "${cell.installationId}"${where}: only its listed editors ` +
          'and the coordinators may; the value was not taken.',
        found: `a value typed by ${editor}`,
        expected: `a value typed by an editor of "${cell.installationId}" or a coordinator`,
      },
    ],
  };
}

/** Recorded only when the editor is unknown: who alone could have typed into the cell. */
function possibleEditorsField(submitter: Submitter, installationId: string): { possibleEditors?: string[] } {
  if (submitter.editor !== null) return {};
  const editors = submitter.possibleEditors.get(installationId);
  return editors === undefined ? {} : { possibleEditors: [...editors] };
}

export function recordOf(
  projectId: string,
  submitter: Submitter,
  submittedAt: string,
  item: Submitted,
): SubmissionRecord {
  const { cell, outcome } = item;
  return {
    projectId,
    installationId: cell.installationId,
    metricId: cell.metricId,
    periodId: cell.periodId,
    raw: cell.raw,
    status: outcome.status,
    value: outcome.value,
    normalized: outcome.normalized,
    issues: outcome.issues,
    editor: submitter.editor,
    ...possibleEditorsField(submitter, cell.installationId),
    submittedBy: submitter.submittedBy,
    via: submitter.via,
    submittedAt,
    requestId: item.requestId,
    ...(item.amendment === undefined ? {} : { amendment: item.amendment }),
  };
}

/** What a client repaints for a stored cell whose outcome was re-checked; its value is unchanged. */
export function revalidatedOutcome(current: CurrentEntry, outcome: ValidationOutcome): CellOutcome {
  return {
    installationId: current.installationId,
    metricId: current.metricId,
    periodId: current.periodId,
    status: outcome.status,
    message: outcome.issues.map((issue) => issue.message).join(' '),
    issues: outcome.issues,
    normalized: current.normalized,
    value: current.value,
    version: current.version,
  };
}
