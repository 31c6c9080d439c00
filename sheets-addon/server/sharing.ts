import { whoCannotWork, whoCannotWorkLines } from '../core/who-cannot-work';
import { activeSpreadsheet, alertUser, apiFor, messageOf } from './apps-script';
import { requireSettings } from './settings';

const TITLE = 'Who cannot work yet';

/**
 * The coordinator's check of who cannot work yet, with sharing one click away. The configuration comes
 * from the backend (members only), the editors from Spreadsheet.getEditors(): both within the scopes
 * the add-on already has (`spreadsheets.currentonly` covers getEditors and addEditors, no Drive
 * scope). Sharing adds exactly the listed people who are not editors, after the coordinator says yes.
 */
export function whoCannotWorkYet(): void {
  const settings = requireSettings();
  const api = apiFor(settings);
  const access = api.access();
  if (access.kind !== 'ok') {
    alertUser(`${TITLE} is not available: ${access.message}`);
    return;
  }
  if (access.value.role !== 'coordinator') {
    alertUser(
      `Only a coordinator of project "${settings.projectId}" checks who cannot work yet; ${access.value.email} is not one.`,
    );
    return;
  }
  const config = api.config();
  if (config.kind !== 'ok') {
    alertUser(`${TITLE} is not available: ${config.message}`);
    return;
  }
  const binding = api.sheet();
  const serviceAccount = binding.kind === 'ok' ? (binding.value.serviceAccountEmail ?? '') : '';
  const spreadsheet = activeSpreadsheet();
  const editors = spreadsheet.getEditors().map((user) => user.getEmail());
  const { project, installations } = config.value.config;
  const ignore = serviceAccount === '' ? [] : [serviceAccount];
  const report = whoCannotWork({ coordinators: project.coordinators, installations }, editors, ignore);
  const lines = whoCannotWorkLines(report);
  if (lines.length === 0) {
    alertUser(
      `Everyone listed in project "${settings.projectId}" can edit this spreadsheet, every installation has an editor who can, and every editor is listed.`,
    );
    return;
  }
  const toShare = report.listedNotEditors.map((person) => person.email);
  const ui = SpreadsheetApp.getUi();
  if (toShare.length === 0) {
    ui.alert(TITLE, lines.join('\n'), ui.ButtonSet.OK);
    return;
  }
  const question = `${lines.join('\n')}\n\nShare this spreadsheet as editor with the ${toShare.length} ${toShare.length === 1 ? 'person' : 'people'} listed above who cannot edit it (${toShare.join(', ')})?`;
  if (ui.alert(TITLE, question, ui.ButtonSet.YES_NO) !== ui.Button.YES) {
    alertUser('Nothing was shared.');
    return;
  }
  try {
    spreadsheet.addEditors(toShare);
  } catch (error) {
    alertUser(
      `Nothing was shared: Google refused (${messageOf(error)}). Share the spreadsheet from its Share button.`,
    );
    return;
  }
  alertUser(
    `This spreadsheet is now shared as editor with ${toShare.join(', ')}. Each opens it with that Google account and finds the menu under Extensions.`,
  );
}
