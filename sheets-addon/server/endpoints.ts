import type { BackendSettings } from '../core/api-client';
import { Outbox } from '../core/outbox';
import { problemsOf } from '../core/problems';
import { REPORT_FORMAT_CHOICES } from '../core/report-link-page';
import { sidebarStatusView } from '../core/status-view';
import { valueBox } from '../core/value-grid';
import type {
  ActionReport,
  ConnectionReport,
  PeriodAction,
  PeriodDialogState,
  ProblemsView,
  SettingsView,
  SidebarStatusView,
} from '../shared/ui-types';
import { activeSpreadsheet, alertUser, apiFor, documentProperties, messageOf } from './apps-script';
import { builtUrlPrefix } from './built-backend';
import { findMetricsTab, NO_METRICS_TAB } from './metrics-tab';
import { notListedAdvice } from './not-listed';
import { showReportLinkDialog } from './report-dialog';
import {
  builtBackend,
  installationNames,
  readSettings,
  rememberInstallationNames,
  requireSettings,
  saveSettings,
  settingsProblem,
} from './settings';
import { windowChoices } from './window-choices';

/** Called by the sidebar (google.script.run): the open problems as the sheet shows them. */
export function sidebarProblems(): ProblemsView {
  const outbox = new Outbox(documentProperties()).size();
  const empty = { installations: [], totals: { rejected: 0, warnings: 0, pending: 0 }, outbox };
  const metrics = findMetricsTab(activeSpreadsheet());
  if (metrics === undefined) return { ...empty, error: NO_METRICS_TAB };
  const box = valueBox(metrics.grid);
  if (box === undefined) return { ...empty, error: '' };
  const range = metrics.sheet.getRange(box.row, box.column, box.numRows, box.numColumns);
  return problemsOf(
    metrics.grid,
    box,
    { backgrounds: range.getBackgrounds(), notes: range.getNotes() },
    installationNames(),
    outbox,
  );
}

/** Called by the sidebar: the current period's completeness, the caller's own installations first. */
export function sidebarStatus(): SidebarStatusView {
  const api = apiFor(requireSettings());
  const calendar = api.calendar();
  if (calendar.kind !== 'ok')
    return { error: `The completeness could not be read: ${calendar.message}`, headline: '', rows: [] };
  const answer = api.status(calendar.value.currentPeriodId);
  if (answer.kind !== 'ok')
    return { error: `The completeness could not be read: ${answer.message}`, headline: '', rows: [] };
  return sidebarStatusView(answer.value);
}

/** Called by a sidebar link: selects the cell so the person can fix it. */
export function selectCell(sheetId: number, a1: string): void {
  const sheet = activeSpreadsheet()
    .getSheets()
    .find((candidate) => candidate.getSheetId() === sheetId);
  if (sheet === undefined) throw new Error(`The tab holding ${a1} no longer exists.`);
  const cell = a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1;
  sheet.getRange(cell).activate();
}

export function settingsLoad(): SettingsView {
  const settings = readSettings();
  return {
    backendUrl: settings?.backendUrl ?? builtBackend(),
    projectId: settings?.projectId ?? '',
    builtFor: builtUrlPrefix(),
  };
}

export function settingsSave(view: SettingsView): ActionReport {
  const problem = settingsProblem(view);
  if (problem !== '') return { ok: false, message: problem };
  saveSettings(view);
  return { ok: true, message: 'Saved for this spreadsheet.' };
}

/** Health, the caller's role and the sheet binding, each reported in a sentence. */
export function settingsTestConnection(view: SettingsView): ConnectionReport {
  const problem = settingsProblem(view);
  if (problem !== '') return { ok: false, lines: [problem], serviceAccountEmail: '' };
  const settings: BackendSettings = { backendUrl: view.backendUrl.trim(), projectId: view.projectId.trim() };
  const api = apiFor(settings);
  const health = api.health();
  if (health.kind !== 'ok') {
    return {
      ok: false,
      lines: [`Backend: not reachable at ${settings.backendUrl}: ${health.message}`],
      serviceAccountEmail: '',
    };
  }
  const lines = [`Backend: answering at ${settings.backendUrl}.`];
  const access = api.access();
  if (access.kind === 'refused' && access.tokenAudience !== undefined)
    return {
      ok: false,
      lines: [
        ...lines,
        `Your Google token is for the audience (aud) ${access.tokenAudience}, which the backend does not accept: whoever deployed it sets OIDC_AUDIENCE=${access.tokenAudience} and deploys again.`,
      ],
      serviceAccountEmail: '',
      tokenAudience: access.tokenAudience,
    };
  if (access.kind !== 'ok')
    return {
      ok: false,
      lines: [...lines, `Project "${settings.projectId}": ${access.message}`],
      serviceAccountEmail: '',
    };
  const { role, email, installations } = access.value;
  rememberInstallationNames(installations);
  if (role === 'coordinator') lines.push(`${email} is a coordinator of "${settings.projectId}".`);
  else if (role === 'partner')
    lines.push(
      `${email} is a partner of "${settings.projectId}", editing ${installations.map((item) => item.name).join(', ')}.`,
    );
  else {
    // The sheet binding would only repeat the refusal: the advice is the next step.
    lines.push(notListedAdvice(api, email, settings.projectId));
    return { ok: false, lines, serviceAccountEmail: '' };
  }
  const sheet = api.sheet();
  let serviceAccountEmail = '';
  if (sheet.kind === 'ok') {
    serviceAccountEmail = sheet.value.serviceAccountEmail ?? '';
    if (serviceAccountEmail !== '')
      lines.push(`Share this spreadsheet as editor with ${serviceAccountEmail}.`);
  } else {
    lines.push(`Sheet binding: ${sheet.message}`);
  }
  return { ok: true, lines, serviceAccountEmail };
}

const ACTION_TEXT: Record<PeriodAction, { title: string; button: string; done: string; refused: string }> = {
  summary: {
    title: 'Compute the summary of',
    button: 'Compute summary',
    done: 'The summary of {period} is in the Summary tab.',
    refused: 'The summary was not computed',
  },
  assessments: {
    title: 'Draft the assessments of',
    button: 'Draft assessments',
    done: 'The assessment drafts of {period} are in the Assessments tab; texts a person edited were kept.',
    refused: 'The assessments were not drafted',
  },
  status: {
    title: 'Check the completeness of',
    button: 'Check completeness',
    done: 'The Status tab lists who still owes what for {period}, worst installation first.',
    refused: 'The completeness was not checked',
  },
  report: {
    title: 'Generate the report of',
    button: 'Generate report',
    done: 'The report of {period} is in the Report tab; its download link is open.',
    refused: 'The report was not generated',
  },
};

/** Called by the period picker on load: the project's periods and years, the current period chosen. */
export function periodDialogState(action: PeriodAction): PeriodDialogState {
  const text = ACTION_TEXT[action];
  return {
    action,
    title: text.title,
    button: text.button,
    formats: action === 'report' ? REPORT_FORMAT_CHOICES : [],
    ...windowChoices(apiFor(requireSettings())),
  };
}

/**
 * The report: the Report tab written, then the download dialog in place of the picker. A refusal
 * (a partner, say) comes as the API's own sentence in an alert, as menu items answer.
 */
function generateReport(period: string, format: string): ActionReport {
  const answer = apiFor(requireSettings()).writeReport(period, format);
  if (answer.kind === 'refused') {
    alertUser(`${ACTION_TEXT.report.refused}: ${answer.message}`);
    return { ok: false, message: answer.message };
  }
  if (answer.kind !== 'ok') return { ok: false, message: answer.message };
  showReportLinkDialog(answer.value);
  return { ok: true, message: ACTION_TEXT.report.done.replace('{period}', answer.value.windowId) };
}

/** The Status tab written for the window; the answer quotes its headline ("P3 (M13–M18): 6 of 45 values in…"). */
function checkCompleteness(period: string): ActionReport {
  const answer = apiFor(requireSettings()).writeStatus(period);
  if (answer.kind === 'refused') {
    alertUser(`${ACTION_TEXT.status.refused}: ${answer.message}`);
    return { ok: false, message: answer.message };
  }
  if (answer.kind !== 'ok') return { ok: false, message: answer.message };
  return {
    ok: true,
    message: `${answer.value.headline} ${ACTION_TEXT.status.done.replace('{period}', period)}`,
  };
}

/** Called by the period picker's button; the dialog shows progress until this returns. */
export function runPeriodAction(action: PeriodAction, period: string, format = 'docx'): ActionReport {
  try {
    if (action === 'report') return generateReport(period, format);
    const api = apiFor(requireSettings());
    if (action === 'status') return checkCompleteness(period);
    const answer = action === 'summary' ? api.writeSummary(period) : api.writeAssessments(period);
    if (answer.kind === 'refused') {
      // As the report and the menu items answer: the API's own sentence, in an alert.
      alertUser(`${ACTION_TEXT[action].refused}: ${answer.message}`);
      return { ok: false, message: answer.message };
    }
    if (answer.kind !== 'ok') return { ok: false, message: answer.message };
    return { ok: true, message: ACTION_TEXT[action].done.replace('{period}', period) };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}
