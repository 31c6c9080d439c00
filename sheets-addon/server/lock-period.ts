import { alertUser, apiFor, messageOf } from './apps-script';
import { requireSettings } from './settings';

/** A prompt's text when the person pressed OK; undefined when they cancelled or closed it. */
function ask(title: string, question: string): string | undefined {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return undefined;
  return answer.getResponseText().trim();
}

/**
 * Menu: Lock period… (coordinators). Asks for the window and the deliverable submitted, then the
 * backend records the lock, refuses partners' later edits of its cells and protects its columns.
 * The backend decides who may: a partner is told so before being asked anything.
 */
export function menuLockPeriod(): void {
  try {
    const settings = requireSettings();
    const api = apiFor(settings);
    const access = api.access();
    if (access.kind !== 'ok') {
      alertUser(`Lock period is not available: ${access.message}`);
      return;
    }
    if (access.value.role !== 'coordinator') {
      alertUser(
        `Only a coordinator of project "${settings.projectId}" locks a period once its deliverable is submitted; ${access.value.email} is not one.`,
      );
      return;
    }
    const period = ask('Lock period', 'Which period or project year was submitted? (e.g. PY1 or P2)');
    if (period === undefined || period === '') return;
    const deliverable = ask(
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
        `${windowId} is locked since ${lockedAt} for ${locked.value.deliverable}: partners' edits of its cells are refused; a coordinator may still amend a cell, with a reason, and the next report lists it.`,
        ...(locked.value.sheet === undefined ? [] : [locked.value.sheet]),
      ].join('\n\n'),
    );
  } catch (error) {
    alertUser(messageOf(error));
  }
}
