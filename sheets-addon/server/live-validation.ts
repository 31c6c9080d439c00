import type { ActingFor } from '../../functions/shared/addon-contract';
import { valueCellsIn } from '../core/value-grid';
import { activeSpreadsheet, alertUser, apiFor, documentProperties } from './apps-script';
import { findMetricsSheet, readMetricsTabAcross } from './metrics-tab';
import { queueWhileBusy, sendBusyEdits, sendEditedCells } from './send-cells';
import { readSettings, rememberInstallationNames, requireSettings } from './settings';

/** The name Apps Script calls on every edit; the build defines it at top level. */
export const LIVE_EDIT_HANDLER = 'onLiveEdit';
const RECORD_KEY = 'va-assess.liveTrigger';
/** How long an edit waits for another execution's painting before it is queued instead. */
const LOCK_WAIT_MS = 20_000;

/** The one trigger the document runs, as document properties record it. */
interface TriggerRecord {
  triggerUid: string;
  owner: string;
  createdAt: string;
}

function readRecord(): TriggerRecord | undefined {
  const text = documentProperties().getAll()[RECORD_KEY];
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as TriggerRecord;
  } catch {
    return undefined;
  }
}

function ownLiveTriggers(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter(
    (trigger) => trigger.getHandlerFunction() === LIVE_EDIT_HANDLER,
  );
}

/**
 * Menu: Enable live validation. Coordinators only (checked with the backend): installable triggers
 * run as their creator and every one of them fires on every edit, so the document has ONE, owned by
 * a coordinator, recorded in document properties. Enabling again keeps it; another coordinator
 * taking over replaces the record, and the old trigger removes itself the next time it fires.
 */
export function enableLiveValidation(): void {
  const settings = requireSettings();
  const access = apiFor(settings).access();
  if (access.kind !== 'ok') {
    alertUser(`Live validation was not enabled: ${access.message}`);
    return;
  }
  if (access.value.role !== 'coordinator') {
    alertUser(
      `Only a coordinator of project "${settings.projectId}" enables live validation: it runs for every editor of this sheet under the coordinator's identity. ${access.value.email} is ${access.value.role === 'partner' ? 'a partner' : 'not a member of the project'}. Your edits are checked once a coordinator has enabled it.`,
    );
    return;
  }
  rememberInstallationNames(access.value.installations);
  const spreadsheet = activeSpreadsheet();
  const me = access.value.email;
  const record = readRecord();
  const own = ownLiveTriggers(spreadsheet);
  const current = own.find((trigger) => trigger.getUniqueId() === record?.triggerUid);
  for (const stale of own.filter((trigger) => trigger !== current)) ScriptApp.deleteTrigger(stale);
  if (current !== undefined) {
    alertUser(
      'Live validation is already enabled for this spreadsheet by you: every edit of the Metrics tab is checked.',
    );
    return;
  }
  if (record !== undefined && record.owner !== me) {
    const ui = SpreadsheetApp.getUi();
    const answer = ui.alert(
      `Live validation is already enabled by ${record.owner}. Take it over, so that edits are sent under your identity from now on?`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return;
  }
  const trigger = ScriptApp.newTrigger(LIVE_EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
  const next: TriggerRecord = {
    triggerUid: trigger.getUniqueId(),
    owner: me,
    createdAt: new Date().toISOString(),
  };
  documentProperties().setAll({ [RECORD_KEY]: JSON.stringify(next) });
  alertUser(
    'Live validation is on: each edit of the Metrics tab is checked and coloured (green accepted, yellow warning, red rejected, grey pending), with a note saying why.',
  );
}

function editorOf(event: GoogleAppsScript.Events.SheetsOnEdit): string | null {
  try {
    const email = event.user?.getEmail() ?? '';
    return email === '' ? null : email.toLowerCase();
  } catch {
    return null;
  }
}

/** A trigger of this script that is not the document's recorded one: it removes itself and does nothing. */
function retireIfStranger(
  event: GoogleAppsScript.Events.SheetsOnEdit,
  record: TriggerRecord | undefined,
): boolean {
  const uid = (event as unknown as { triggerUid?: string }).triggerUid;
  const owner = Session.getEffectiveUser().getEmail().toLowerCase();
  if (record !== undefined && record.triggerUid === uid && record.owner.toLowerCase() === owner) return false;
  const spreadsheet = event.source;
  for (const trigger of ownLiveTriggers(spreadsheet)) {
    if (trigger.getUniqueId() === uid) ScriptApp.deleteTrigger(trigger);
  }
  return true;
}

/**
 * The installable edit trigger. Returns quietly, without any network call, for a trigger that is not
 * the document's recorded one, without authorisation or settings, and for edits outside value cells.
 */
export function onLiveEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  const authorization = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  if (authorization.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED) return;
  if (retireIfStranger(event, readRecord())) return;
  const settings = readSettings();
  if (settings === undefined) return;
  const range = event.range;
  const sheet = range.getSheet();
  const metrics = findMetricsSheet(event.source);
  if (metrics === undefined || metrics.getSheetId() !== sheet.getSheetId()) return;
  const { grid } = readMetricsTabAcross(metrics, range);
  const box = {
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
  };
  const cells = valueCellsIn(grid, box, range.getValues(), event.source.getSpreadsheetTimeZone());
  if (cells.length === 0) return;
  const actingFor: ActingFor = { editor: editorOf(event), via: 'document-trigger' };
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    queueWhileBusy(event.source, grid.sheetId, cells, actingFor);
    return;
  }
  try {
    const api = apiFor(settings);
    const report = sendEditedCells(event.source, grid.sheetId, cells, api, actingFor);
    // Edits that gave up waiting while this one held the lock: sent before the lock goes, so they do
    // not stay grey until someone edits again or runs Sync pending edits.
    if (report.unavailable === undefined) sendBusyEdits(event.source, api);
  } finally {
    lock.releaseLock();
  }
}
