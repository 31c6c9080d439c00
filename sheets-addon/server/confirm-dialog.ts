import { type ConfirmDialogView, confirmPage } from '../core/confirm-page';
import type { ActionReport } from '../shared/ui-types';
import { alertUser, apiFor, messageOf } from './apps-script';
import { requireSettings } from './settings';

/** The sidebar's confirmation lines: the caller's installations, the current period. */
export interface ConfirmationLines {
  periodId: string;
  lines: { installationId: string; name: string; state: string; sentence: string }[];
  error: string;
}

/**
 * The caller's installations for `period` (the current one unless the person chose another), under
 * the caller's own token, and the periods they may choose: every one from the first to the current,
 * since figures are usually confirmed after their period has ended.
 */
function dialogView(period?: string): ConfirmDialogView | string {
  const api = apiFor(requireSettings());
  const access = api.access();
  if (access.kind !== 'ok') return `Confirming is not available: ${access.message}`;
  const calendar = api.calendar();
  if (calendar.kind !== 'ok') return `The project's periods could not be read: ${calendar.message}`;
  const { currentPeriodId, periods } = calendar.value;
  const current = periods.findIndex((item) => item.id === currentPeriodId);
  const choices = periods.slice(0, current + 1).map((item) => item.id);
  const periodId = period ?? currentPeriodId;
  if (!choices.includes(periodId)) {
    return `${periodId} is not a period whose figures can be confirmed yet: choose one of ${choices.join(', ')}.`;
  }
  const previews = [];
  for (const installation of access.value.installations) {
    const preview = api.confirmationPreview(installation.id, periodId);
    if (preview.kind !== 'ok') return `${installation.name}: ${preview.message}`;
    // A coordinator sees every installation; only those listing the caller as editor are theirs to confirm.
    if (preview.value.mayConfirm) previews.push(preview.value);
  }
  return { periodId, periods: choices, email: access.value.email, previews };
}

function showConfirmDialog(period?: string): void {
  const view = dialogView(period);
  if (typeof view === 'string') {
    alertUser(view);
    return;
  }
  const template = HtmlService.createHtmlOutputFromFile('confirm').getContent();
  const output = HtmlService.createHtmlOutput(confirmPage(template, view)).setWidth(520).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(output, `Confirm my ${view.periodId} figures`);
}

/** Menu and sidebar: "Confirm my figures…", a dialog of the add-on's own HTML, for the current period. */
export function menuConfirmFigures(): void {
  try {
    showConfirmDialog();
  } catch (error) {
    alertUser(messageOf(error));
  }
}

/** Called by the dialog's period links: the same dialog for another period, in place of this one. */
export function confirmDialogFor(period: string): ActionReport {
  try {
    showConfirmDialog(String(period));
    return { ok: true, message: '' };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

/** Called by the dialog's button: the API's sentence either way (blocked, a warning without a line...). */
export function confirmFigures(
  installationId: string,
  period: string,
  versions: Record<string, number>,
  justifications: Record<string, string>,
): ActionReport {
  try {
    const answer = apiFor(requireSettings()).confirm({ installationId, period, versions, justifications });
    if (answer.kind === 'ok') return { ok: true, message: answer.value.confirmation.sentence };
    return { ok: false, message: answer.message };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

/** Called by the sidebar: whether the caller's installations' figures of the current period are confirmed. */
export function sidebarConfirmations(): ConfirmationLines {
  const empty = { periodId: '', lines: [], error: '' };
  try {
    const api = apiFor(requireSettings());
    const [access, calendar] = [api.access(), api.calendar()];
    if (access.kind !== 'ok') return { ...empty, error: access.message };
    if (calendar.kind !== 'ok') return { ...empty, error: calendar.message };
    const periodId = calendar.value.currentPeriodId;
    const listed = api.confirmations(periodId);
    if (listed.kind !== 'ok') return { ...empty, periodId, error: listed.message };
    const mine = new Set(access.value.installations.map((item) => item.id));
    const lines = listed.value.confirmations
      .filter((item) => mine.has(item.installationId))
      .map((item) => ({
        installationId: item.installationId,
        name: item.installationName,
        state: item.state,
        sentence: item.sentence,
      }));
    return { periodId, lines, error: '' };
  } catch (error) {
    return { ...empty, error: messageOf(error) };
  }
}
