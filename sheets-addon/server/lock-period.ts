import { alertUser, askUser, messageOf } from './apps-script';
import { coordinatorApi } from './coordinator-only';

/**
 * Menu: Lock period… (coordinators). Asks for the window and the deliverable submitted, then the
 * backend records the lock, refuses partners' later edits of its cells and protects its columns.
 * The backend decides who may: a partner is told so before being asked anything.
 */
export function menuLockPeriod(): void {
  try {
    const api = coordinatorApi('Lock period', 'locks a period once its deliverable is submitted');
    if (api === undefined) return;
    const period = askUser('Lock period', 'Which period or project year was submitted? (e.g. PY1 or P2)');
    if (period === undefined || period === '') return;
    const deliverable = askUser(
      'Lock period',
      `Which deliverable covers ${period}? (e.g. "D4.2, submitted 2023-10-30")`,
    );
    if (deliverable === undefined || deliverable === '') return;
    const locked = api.lockPeriod(period, deliverable);
    if (locked.kind !== 'ok') {
      alertUser(`${period} was not locked: ${locked.message}`);
      return;
    }
    const { windowId, lockedAt } = locked.value;
    alertUser(
      [
        `${windowId} is locked since ${lockedAt} for ${locked.value.deliverable}: partners' edits of its cells are refused; a coordinator may still amend a cell, with a reason (select it, then Amend locked cell...), and the next report lists it.`,
        ...(locked.value.sheet === undefined ? [] : [locked.value.sheet]),
      ].join('\n\n'),
    );
  } catch (error) {
    alertUser(messageOf(error));
  }
}

/**
 * Menu: Reopen period… (coordinators). The window's lock stays listed with who reopened it, when and
 * why; partners' edits of its cells are taken again and its columns go back to their editors.
 */
export function menuReopenPeriod(): void {
  try {
    const api = coordinatorApi('Reopen period', 'reopens a locked period');
    if (api === undefined) return;
    const period = askUser('Reopen period', 'Which locked period or project year opens again? (e.g. PY1)');
    if (period === undefined || period === '') return;
    const reason = askUser(
      'Reopen period',
      `Why does ${period} open again? (kept with its lock, e.g. "the EC asked for corrected figures")`,
    );
    if (reason === undefined || reason === '') return;
    const reopened = api.reopenPeriod(period, reason);
    if (reopened.kind !== 'ok') {
      alertUser(`${period} was not reopened: ${reopened.message}`);
      return;
    }
    const { windowId, deliverable, reopenedAt } = reopened.value;
    alertUser(
      [
        `${windowId} is open again since ${reopenedAt ?? 'now'} (it was locked for ${deliverable}): partners' edits of its cells are taken again. Lock it again once the corrected deliverable is submitted.`,
        ...(reopened.value.sheet === undefined ? [] : [reopened.value.sheet]),
      ].join('\n\n'),
    );
  } catch (error) {
    alertUser(messageOf(error));
  }
}
