import type { ClosedPeriod } from '../domain/closing/lock-coverage';
/** Errors of locking and reopening periods; http-errors.ts maps them to statuses. */

/** A period of the window is locked already (409): reopen it first, or amend its cells. */
export class PeriodAlreadyLockedError extends Error {
  constructor(
    readonly windowId: string,
    readonly lockedPeriods: readonly ClosedPeriod[],
  ) {
    super(
      `${windowId} cannot be locked: ${lockedPeriods
        .map((period) => `${period.periodId} is locked since ${period.lockedAt} for ${period.deliverable}`)
        .join('; ')}. Reopen it first, or amend its cells with a reason.`,
    );
    this.name = new.target.name;
  }
}

/** Reopening a window no active lock covers (404). */
export class NoActiveLockError extends Error {
  constructor(readonly windowId: string) {
    super(`${windowId} is not locked: there is nothing to reopen`);
    this.name = new.target.name;
  }
}
