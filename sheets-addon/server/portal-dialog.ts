import { type PortalLinkReport, portalPage, safeLink } from '../core/portal-page';
import { alertUser, apiFor, messageOf } from './apps-script';
import { requireSettings } from './settings';

/** Menu: "EC portal table…": a period or year and a format, then a signed download link (as the report's). */
export function menuPortalTable(): void {
  try {
    const calendar = apiFor(requireSettings()).calendar();
    if (calendar.kind !== 'ok') {
      alertUser(`The project's periods could not be read: ${calendar.message}`);
      return;
    }
    const { periods, years, currentYearId } = calendar.value;
    const choices = [...years, ...periods].map((item) => ({
      id: item.id,
      label: `${item.id} (${item.label})`,
    }));
    const template = HtmlService.createHtmlOutputFromFile('portal').getContent();
    const output = HtmlService.createHtmlOutput(portalPage(template, { choices, selected: currentYearId }))
      .setWidth(400)
      .setHeight(320);
    SpreadsheetApp.getUi().showModalDialog(output, 'EC portal table');
  } catch (error) {
    alertUser(messageOf(error));
  }
}

/** Called by the dialog's button, under the clicker's token; a refusal is the API's own sentence. */
export function portalTableLink(period: string, format: string): PortalLinkReport {
  const none = { url: '', expiresAt: '', fileName: '' };
  try {
    const answer = apiFor(requireSettings()).portalLink(period, format);
    if (answer.kind !== 'ok') return { ok: false, message: answer.message, ...none };
    const { url, expiresAt, fileName, rows, windowLabel } = answer.value;
    return {
      ok: true,
      message: `${rows} installation rows for ${windowLabel}.`,
      url: safeLink(url),
      expiresAt,
      fileName,
    };
  } catch (error) {
    return { ok: false, message: messageOf(error), ...none };
  }
}
