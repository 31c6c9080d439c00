import { Outbox } from '../core/outbox';
import type { PeriodAction } from '../shared/ui-types';
import { activeSpreadsheet, alertUser, apiFor, documentProperties, messageOf, toast } from './apps-script';
import { applyConfiguration, createProject } from './config-tabs';
import { enableLiveValidation } from './live-validation';
import { validateSheet } from './reconcile';
import { adoptBusyEdits, drainOutbox, type SendReport } from './send-cells';
import { requireSettings } from './settings';
import { whoCannotWorkYet } from './sharing';
import { bindThisSpreadsheet } from './sheet-binding';

/** Every menu item answers a person with a sentence, never with a stack trace. */
function guarded(action: () => void): void {
  try {
    action();
  } catch (error) {
    alertUser(messageOf(error));
  }
}

export function menuSetUpSheet(): void {
  guarded(() => {
    const settings = requireSettings();
    const api = apiFor(settings);
    const spreadsheet = activeSpreadsheet();
    toast('Binding this spreadsheet to the project…', 'Set up');
    const bound = bindThisSpreadsheet(api, spreadsheet);
    if (bound.kind !== 'ok') {
      alertUser(`The reporting sheet was not set up: ${bound.message}`);
      return;
    }
    toast('Writing the tabs…', 'Set up');
    const setUp = api.setUpSheet();
    if (setUp.kind !== 'ok') {
      alertUser(`The reporting sheet was not set up: ${setUp.message}`);
      return;
    }
    const status = statusAfterSetUp(api);
    // What setup put right by itself (rows re-aligned after a sort) or could not (a person's
    // protection of the whole tab): said before the next step.
    alertUser(
      [
        ...setUpNotices(setUp.value),
        ...status,
        'The reporting tabs are set up. Next: Extensions › va-assess › Enable live validation, so that every edit is checked.',
      ].join('\n\n'),
    );
  });
}

/**
 * After each setup, the Status tab of the current period (its own batchUpdate): what the coordinator
 * chases next. A failure here does not undo the setup; it is said in the same alert.
 */
function statusAfterSetUp(api: ReturnType<typeof apiFor>): string[] {
  const calendar = api.calendar();
  if (calendar.kind !== 'ok') return [`The Status tab was not written: ${calendar.message}`];
  const written = api.writeStatus(calendar.value.currentPeriodId);
  return written.kind === 'ok'
    ? [`Status tab: ${written.value.headline}`]
    : [`The Status tab was not written: ${written.message}`];
}

function setUpNotices(answer: unknown): string[] {
  const notices = (answer as { notices?: unknown } | null)?.notices;
  return Array.isArray(notices)
    ? notices.filter((notice): notice is string => typeof notice === 'string')
    : [];
}

export function menuCreateProject(): void {
  guarded(createProject);
}

export function menuApplyConfiguration(): void {
  guarded(applyConfiguration);
}

export function menuEnableLiveValidation(): void {
  guarded(enableLiveValidation);
}

export function menuWhoCannotWork(): void {
  guarded(whoCannotWorkYet);
}

export function menuValidateMyRows(): void {
  guarded(() => validateSheet('mine'));
}

export function menuValidateWholeSheet(): void {
  guarded(() => validateSheet('all'));
}

export function menuShowProblems(): void {
  guarded(() => {
    const output = HtmlService.createHtmlOutputFromFile('sidebar').setTitle('va-assess: problems');
    SpreadsheetApp.getUi().showSidebar(output);
  });
}

/** What each period action does, in the sentence a partner reads when it is not theirs to run. */
const COORDINATOR_WORK: Record<PeriodAction, string> = {
  summary: 'computes the summary into the Summary tab',
  assessments: 'drafts the assessments into the Assessments tab',
  report: 'generates the report into the Report tab',
  status: 'checks completeness into the Status tab',
};

/**
 * The period actions write tabs every partner reads, so only coordinators run them: asked before the
 * picker opens, so that a partner is told at once instead of after choosing a period.
 */
function refusedToNonCoordinator(action: PeriodAction, title: string): boolean {
  const settings = requireSettings();
  const access = apiFor(settings).access();
  if (access.kind !== 'ok') {
    alertUser(`${title} is not available: ${access.message}`);
    return true;
  }
  if (access.value.role === 'coordinator') return false;
  alertUser(
    `Only a coordinator of project "${settings.projectId}" ${COORDINATOR_WORK[action]}. ${access.value.email} is ${access.value.role === 'partner' ? 'a partner' : 'not a member of the project'}: ask a coordinator to run ${title}.`,
  );
  return true;
}

/** Any member may check completeness: the Status tab says what GET status tells every member. */
const OPEN_TO_MEMBERS: readonly PeriodAction[] = ['status'];

function openPeriodDialog(action: PeriodAction, title: string): void {
  guarded(() => {
    if (!OPEN_TO_MEMBERS.includes(action) && refusedToNonCoordinator(action, title)) return;
    const page = HtmlService.createHtmlOutputFromFile('period-picker').getContent();
    const output = HtmlService.createHtmlOutput(page.replace('__PERIOD_ACTION__', action))
      .setWidth(360)
      .setHeight(action === 'report' ? 320 : 260);
    SpreadsheetApp.getUi().showModalDialog(output, title);
  });
}

export function menuComputeSummary(): void {
  openPeriodDialog('summary', 'Compute summary');
}

export function menuDraftAssessments(): void {
  openPeriodDialog('assessments', 'Draft assessments');
}

export function menuCheckCompleteness(): void {
  openPeriodDialog('status', 'Check completeness');
}

export function menuGenerateReport(): void {
  openPeriodDialog('report', 'Generate report');
}

/**
 * Menu: Sync pending edits. Queued edits carry actingFor, which the API takes from coordinators only:
 * a coordinator sends them all on the editors' behalf; a partner sends the ones they typed, under
 * their own name, and is told how many wait for a coordinator (or the next edit the trigger checks).
 */
export function menuSyncPending(): void {
  guarded(() => {
    const settings = requireSettings();
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(30_000)) {
      alertUser('Edits are being sent right now: try again in a minute.');
      return;
    }
    try {
      const spreadsheet = activeSpreadsheet();
      adoptBusyEdits(spreadsheet);
      const waiting = new Outbox(documentProperties()).size();
      if (waiting === 0) {
        alertUser('No edits are waiting: everything typed has been sent.');
        return;
      }
      const api = apiFor(settings);
      const access = api.access();
      if (access.kind !== 'ok') {
        alertUser(`${plural(waiting, 'pending edit')} still waiting: ${access.message}.`);
        return;
      }
      const { role, email } = access.value;
      if (role !== 'coordinator' && role !== 'partner') {
        alertUser(
          `${plural(waiting, 'pending edit')} waiting, typed in this sheet by members of project "${settings.projectId}": ${email} is not a member, so a coordinator sends them.`,
        );
        return;
      }
      toast(`Sending ${plural(waiting, 'pending edit')}…`, 'Sync');
      const report = drainOutbox(spreadsheet, api, role === 'partner' ? { role, email } : { role });
      alertUser(syncSentence(report, waiting, role));
    } finally {
      lock.releaseLock();
    }
  });
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function syncSentence(report: SendReport, waiting: number, role: 'coordinator' | 'partner'): string {
  const outcomes = `(${report.rejected} rejected, ${report.warnings} with a warning)`;
  const notMine = report.notMine ?? 0;
  const stopped = report.unavailable !== undefined ? `${report.unavailable}.` : report.refused;
  if (role === 'coordinator') {
    const sent = `${report.sent} of ${waiting} pending edits sent ${outcomes}.`;
    if (stopped !== undefined) return `${sent} ${report.pending} still waiting: ${stopped}`;
    return `${sent} The outbox is empty.`;
  }
  const yours = waiting - notMine;
  const sent = `${report.sent} of your ${plural(yours, 'pending edit')} sent ${outcomes}.`;
  const stillYours = report.pending - notMine;
  const others =
    notMine === 0
      ? ''
      : ` ${plural(notMine, 'pending edit')} typed by someone else (or with no recorded editor) ${notMine === 1 ? 'waits' : 'wait'} for a coordinator's Sync pending edits or the next edit live validation checks.`;
  if (stopped !== undefined) return `${sent} ${stillYours} of yours still waiting: ${stopped}${others}`;
  return `${sent}${others}`;
}

export function menuSettings(): void {
  guarded(() => {
    const output = HtmlService.createHtmlOutputFromFile('settings').setWidth(440).setHeight(480);
    SpreadsheetApp.getUi().showModalDialog(output, 'va-assess settings');
  });
}

export const HELP_TEXT = [
  'va-assess checks the usage metrics typed in the Metrics tab.',
  'Colours: green accepted, yellow accepted with a warning, red rejected (not stored), grey pending (will be sent). The note of each cell says what was read, what is wrong and what is expected.',
  'Partners: type in your installation rows; use Validate my rows, Show problems and Sync pending edits (it sends the waiting edits you typed). Settings › Test connection says whether you are listed, and if not, whom to ask.',
  'Coordinators: Settings, Set up reporting sheet, Enable live validation (once per spreadsheet), Who cannot work yet (and share the spreadsheet with the listed partners), Validate whole sheet, Compute summary, Draft assessments, Generate report (writes the Report tab and gives a download link valid for a few minutes), Sync pending edits.',
].join('\n\n');

export function menuHelp(): void {
  guarded(() => alertUser(HELP_TEXT));
}
