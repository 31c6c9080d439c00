import type { EntryKey } from '../entries/entry-key';
import type { ValidationIssue } from '../validation/validation-outcome';
import type { PeriodLock } from './period-lock';

/**
 * The sentence a refused edit of a locked cell gets: which period, locked since when, for which
 * deliverable, and whom to ask (the coordinators, who alone may amend it, with a reason).
 */
export function lockedCellIssue(
  lock: PeriodLock,
  key: EntryKey,
  coordinators: readonly string[],
  where: string | undefined,
): ValidationIssue {
  const cell = where === undefined ? '' : ` (cell ${where})`;
  const whom = coordinators.length === 0 ? 'a coordinator' : `a coordinator (${coordinators.join(', ')})`;
  return {
    ruleId: 'period-locked',
    severity: 'error',
    message:
      `${key.periodId} of "${key.installationId}" / "${key.metricId}"${cell} is locked since ${lock.lockedAt} ` +
      `for ${lock.deliverable} (locked by ${lock.lockedBy}); the value was not taken. ` +
      `Ask ${whom} to record an amendment with its reason.`,
    found: 'a value for a locked period',
    expected: `no change to ${key.periodId} after ${lock.deliverable}, or a coordinator's amendment with a reason`,
  };
}

/** A coordinator's edit of a locked cell without a reason is refused too: an amendment needs one. */
export function amendmentNeedsReasonIssue(lock: PeriodLock, key: EntryKey): ValidationIssue {
  return {
    ruleId: 'period-locked',
    severity: 'error',
    message:
      `${key.periodId} of "${key.installationId}" / "${key.metricId}" is locked since ${lock.lockedAt} for ` +
      `${lock.deliverable}; a coordinator changes it only as an amendment with a reason, which the next ` +
      'report lists (in the sheet: select the cell, then Extensions › va-assess › Amend locked cell...; ' +
      'through the API: "amendmentReason" on the cell). The value was not taken.',
    found: 'a coordinator edit of a locked cell without a reason',
    expected: 'an amendment reason, or reopening the period first',
  };
}
