import type {
  ReminderDraft,
  RemindersDialogState,
  RemindersPrepared,
  RemindersSent,
} from '../shared/ui-types';
import { alertUser, apiFor, messageOf } from './apps-script';
import { coordinatorApi } from './coordinator-only';
import { requireSettings } from './settings';
import { windowChoices } from './window-choices';

/**
 * "Remind partners…" (coordinators): the backend prepares one message per editor who owes cells of a
 * window; the coordinator reads and edits them in the dialog, then they go from the coordinator's own
 * mailbox with MailApp (scope script.send_mail: sends only, reaches addresses outside the domain,
 * reads no mail). MailApp counts recipients against the sender's daily quota, 100 for a consumer
 * account and 1,500 for Workspace (https://developers.google.com/apps-script/guides/services/quotas):
 * what does not fit today is left unsent and said.
 */
export function menuRemindPartners(): void {
  try {
    if (coordinatorApi('Remind partners', 'reminds partners') === undefined) return;
    const output = HtmlService.createHtmlOutputFromFile('reminders').setWidth(640).setHeight(560);
    SpreadsheetApp.getUi().showModalDialog(output, 'Remind partners');
  } catch (error) {
    alertUser(messageOf(error));
  }
}

/** Called by the dialog on load: the windows to choose from and how many people can still be mailed today. */
export function remindersState(): RemindersDialogState {
  return { quota: MailApp.getRemainingDailyQuota(), ...windowChoices(apiFor(requireSettings())) };
}

/** Called by the dialog's Prepare button: the messages, for the coordinator to read and edit. */
export function remindersPrepare(period: string, deadline: string): RemindersPrepared {
  const answer = apiFor(requireSettings()).reminders(period, deadline);
  if (answer.kind !== 'ok') return { ok: false, message: answer.message, reminders: [] };
  const reminders = answer.value.messages.map(({ to, subject, body, cells }) => ({
    to,
    subject,
    body,
    cells,
  }));
  const message =
    reminders.length === 0
      ? `${answer.value.headline} Nobody owes anything: no reminder to send.`
      : `${answer.value.headline} ${reminders.length} reminder${reminders.length === 1 ? '' : 's'} prepared.`;
  return { ok: true, message, reminders };
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Called by the dialog's Send button with the messages as edited. Recipients are checked against the
 * backend's list again: the dialog's page could send any address, the backend decides who owes.
 */
export function remindersSend(period: string, deadline: string, drafts: ReminderDraft[]): RemindersSent {
  const prepared = apiFor(requireSettings()).reminders(period, deadline);
  if (prepared.kind !== 'ok')
    return { ok: false, message: prepared.message, sent: 0, notSent: drafts.length };
  const owing = new Set(prepared.value.messages.map((message) => message.to));
  const allowed = drafts.filter((draft) => owing.has(draft.to));
  const strangers = drafts.length - allowed.length;
  const quota = MailApp.getRemainingDailyQuota();
  const failures: string[] = [];
  let sent = 0;
  for (const draft of allowed.slice(0, Math.max(0, quota))) {
    try {
      MailApp.sendEmail(draft.to, draft.subject, draft.body);
      sent += 1;
    } catch (error) {
      failures.push(`${draft.to}: ${messageOf(error)}`);
    }
  }
  const overQuota = Math.max(0, allowed.length - Math.max(0, quota));
  const lines = [`${plural(sent, 'reminder')} sent of ${drafts.length}.`];
  if (overQuota > 0)
    lines.push(
      `${plural(overQuota, 'reminder')} not sent: your account may e-mail ${Math.max(0, quota)} more people today (Google's daily limit is 100 for a Gmail account, 1,500 for Google Workspace); send the rest tomorrow.`,
    );
  if (strangers > 0)
    lines.push(`${plural(strangers, 'reminder')} not sent: the recipient owes nothing for ${period}.`);
  if (failures.length > 0) lines.push(`Not sent: ${failures.join('; ')}.`);
  return { ok: sent === drafts.length, message: lines.join(' '), sent, notSent: drafts.length - sent };
}
