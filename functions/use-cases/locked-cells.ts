import type { CellSubmission } from '../contract/contract';
import { lockCovering } from '../domain/closing/lock-coverage';
import { amendmentNeedsReasonIssue, lockedCellIssue } from '../domain/closing/locked-cell';
import type { PeriodLock } from '../domain/closing/period-lock';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import type { ValidationIssue, ValidationOutcome } from '../domain/validation/validation-outcome';
import type { Amendment } from '../storage/entry-records';
import type { Submitter } from './submitter';

/** What a cell's lock makes of its outcome: unchanged, refused, or taken as an amendment. */
export interface LockedCellOutcome {
  outcome: ValidationOutcome;
  amendment?: Amendment;
}

function refused(outcome: ValidationOutcome, issue: ValidationIssue): ValidationOutcome {
  return { ...outcome, status: 'rejected', value: null, normalized: '', issues: [issue] };
}

/**
 * A cell of a locked period is refused (and still kept in the history, as refused), whoever typed
 * it, unless a coordinator sends it themselves with a reason: an amendment, which the next report of
 * the window lists. The sheet's trigger never amends: its editor is whoever Apps Script reported.
 */
export function applyLocks(
  outcome: ValidationOutcome,
  cell: CellSubmission,
  context: { locks: readonly PeriodLock[]; config: ProjectConfig; submitter: Submitter },
): LockedCellOutcome {
  const lock = lockCovering(context.locks, cell.periodId);
  if (lock === undefined) return { outcome };
  const { submitter, config } = context;
  const coordinators = config.project.coordinators;
  const coordinator = submitter.editor !== null && coordinators.includes(submitter.editor);
  if (!coordinator)
    return { outcome: refused(outcome, lockedCellIssue(lock, cell, coordinators, cell.cell)) };
  const reason = cell.amendmentReason;
  if (submitter.via !== 'direct' || reason === undefined) {
    return { outcome: refused(outcome, amendmentNeedsReasonIssue(lock, cell)) };
  }
  return { outcome, amendment: { lockId: lock.lockId, reason } };
}
