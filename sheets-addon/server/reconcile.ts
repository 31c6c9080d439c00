import type { CurrentEntryView, UnstoredCellView } from '../../functions/shared/addon-contract';
import { MAX_PERIODS_PER_REQUEST } from '../../functions/shared/addon-contract';
import { ENTRIES_REQUEST_LIMITS, inBatches, requestBatches, submissionBytes } from '../core/batches';
import { oversizedLength, withoutOversized } from '../core/cell-limits';
import {
  type CellPaint,
  paintForLatest,
  paintForOutcome,
  paintForStored,
  paintTooLong,
} from '../core/cell-note';
import { cellKey, overlayPaint } from '../core/paint-plan';
import { planReconcile, type ReconcilePlan } from '../core/reconcile';
import { onlyInstallations, valueBox, valueCellsIn, valuesIn } from '../core/value-grid';
import { activeSpreadsheet, alertUser, apiFor, toast } from './apps-script';
import { findMetricsTab, NO_METRICS_TAB } from './metrics-tab';
import { notListedAdvice } from './not-listed';
import { adoptBusyEdits, drainOutbox } from './send-cells';
import { rememberInstallationNames, requireSettings } from './settings';

const LOCK_WAIT_MS = 30_000;

type Api = ReturnType<typeof apiFor>;

/**
 * A sort moves values and key cells but leaves row anchors and protections behind, so partners could
 * edit the wrong rows until they are moved back: the whole-sheet pass (coordinators) asks the
 * backend's setup to do it (one UrlFetch; the setup reads the sheet with its own Sheets API access
 * and changes nothing when all is in place), and says what it moved.
 */
function realignRows(api: Api): string {
  const answer = api.setUpSheet();
  if (answer.kind !== 'ok') return ` Rows' anchors and protections were not checked: ${answer.message}`;
  const realigned = (answer.value as { realigned?: unknown } | null)?.realigned;
  const count = Array.isArray(realigned) ? realigned.length : 0;
  return count === 0
    ? ''
    : ` ${count} rows had moved away from their anchors and protections (a sort): both follow their key cells again.`;
}

/**
 * Who may validate what: the backend's answer decides, never the sheet. Undefined (the user told why)
 * when the caller may not run this scope.
 */
function allowedCaller(api: Api, projectId: string, scope: 'all' | 'mine') {
  const access = api.access();
  if (access.kind !== 'ok') {
    alertUser(`Nothing was validated: ${access.message}`);
    return undefined;
  }
  const { role, email, installations } = access.value;
  if (role === 'none') {
    alertUser(`Nothing was validated: ${notListedAdvice(api, email, projectId)}`);
    return undefined;
  }
  if (scope === 'all' && role !== 'coordinator') {
    alertUser(
      `Validate whole sheet sends every installation's rows, which only coordinators may write. You edit ${installations.map((item) => item.name).join(', ')}: use Validate my rows.`,
    );
    return undefined;
  }
  return access.value;
}

/**
 * Every period column in one UrlFetch (the daily quota is the whole document's), split only past
 * what one request may ask for. Undefined (the user told why) when the backend does not answer.
 */
function storedValuesOf(api: Api, periodIds: readonly string[]) {
  const current: CurrentEntryView[] = [];
  const unstored: UnstoredCellView[] = [];
  for (const batch of inBatches(periodIds, MAX_PERIODS_PER_REQUEST)) {
    const answer = api.currentEntriesOfPeriods(batch);
    if (answer.kind !== 'ok') {
      alertUser(`Nothing was validated: ${answer.message}`);
      return undefined;
    }
    for (const period of answer.value.periods) {
      current.push(...period.entries);
      unstored.push(...period.unstored);
    }
  }
  return { current, unstored };
}

/** What is already stored or already answered is painted from the backend, without sending. */
function paintsOfKnownCells(plan: ReconcilePlan): Map<string, CellPaint> {
  const paints = new Map<string, CellPaint>();
  for (const { cell, entry } of plan.unchanged)
    paints.set(cellKey(cell.row, cell.column), paintForStored(entry));
  for (const { cell, latest } of plan.answered)
    paints.set(cellKey(cell.row, cell.column), paintForLatest(latest, cell.submission.raw));
  return paints;
}

/**
 * Sends the changed cells in batches the backend accepts, painting each outcome into paints. A cell
 * too long to send is painted as such; a batch the backend refuses stops the rest (stopped says why).
 */
function sendChangedCells(api: Api, toSend: ReconcilePlan['toSend'], paints: Map<string, CellPaint>) {
  let sent = 0;
  let rejected = 0;
  let stopped = '';
  const { sendable, tooLong } = withoutOversized(toSend);
  for (const cell of tooLong) {
    paints.set(
      cellKey(cell.row, cell.column),
      paintTooLong(cell.submission.raw, oversizedLength(cell.submission.raw) ?? 0),
    );
  }
  rejected += tooLong.length;
  const batches = requestBatches(sendable, ENTRIES_REQUEST_LIMITS, (cell) =>
    submissionBytes(cell.submission),
  );
  for (const batch of batches) {
    toast(`Sending ${sent + batch.length} of ${toSend.length} changed cells…`, 'Validating');
    const answer = api.postEntries(batch.map((cell) => cell.submission));
    if (answer.kind !== 'ok') {
      stopped = answer.message;
      break;
    }
    batch.forEach((cell, index) => {
      const outcome = answer.value.outcomes[index];
      if (outcome === undefined) return;
      if (outcome.status === 'rejected') rejected += 1;
      paints.set(cellKey(cell.row, cell.column), paintForOutcome(outcome, cell.submission.raw));
    });
    sent += batch.length;
  }
  return { sent, rejected, stopped };
}

/**
 * Menu: Validate whole sheet (coordinators) / Validate my rows (the caller's installations). Reads
 * the tab's header, key cells and values in one call (each row known by its key cell, so the
 * SpreadsheetApp calls do not grow with the rows), compares with the backend's current values, sends
 * only what differs (edits no trigger saw: API writes, script edits, inserted rows, cells the full
 * outbox could not take) and paints every outcome in one pass. Runs as the person who clicked.
 */
export function validateSheet(scope: 'all' | 'mine'): void {
  const settings = requireSettings();
  const api = apiFor(settings);
  const caller = allowedCaller(api, settings.projectId, scope);
  if (caller === undefined) return;
  const { role, installations } = caller;
  rememberInstallationNames(installations);
  const spreadsheet = activeSpreadsheet();
  const metrics = findMetricsTab(spreadsheet);
  if (metrics === undefined) {
    alertUser(NO_METRICS_TAB);
    return;
  }
  const grid =
    scope === 'all'
      ? metrics.grid
      : onlyInstallations(metrics.grid, new Set(installations.map((item) => item.id)));
  const box = valueBox(grid);
  if (box === undefined) {
    alertUser('The Metrics tab has no value cells to validate.');
    return;
  }
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    alertUser('Another validation of this sheet is running: try again in a minute.');
    return;
  }
  try {
    toast('Reading the sheet…', 'Validating');
    if (role === 'coordinator') {
      adoptBusyEdits(spreadsheet);
      const drained = drainOutbox(spreadsheet, api);
      if (drained.unavailable !== undefined) {
        alertUser(`Nothing was validated: ${drained.unavailable}. Try again when the backend answers.`);
        return;
      }
    }
    const range = metrics.sheet.getRange(box.row, box.column, box.numRows, box.numColumns);
    // The values came with the keys, in the one read of the tab.
    const cells = valueCellsIn(
      grid,
      box,
      valuesIn(metrics.values, box),
      spreadsheet.getSpreadsheetTimeZone(),
    );
    const stored = storedValuesOf(api, [...new Set(grid.columns.values())]);
    if (stored === undefined) return;
    const plan = planReconcile(cells, stored.current, stored.unstored);
    const paints = paintsOfKnownCells(plan);
    const { sent, rejected, stopped } = sendChangedCells(api, plan.toSend, paints);
    const painted = overlayPaint(
      box,
      { backgrounds: range.getBackgrounds(), notes: range.getNotes() },
      paints,
    );
    range.setBackgrounds(painted.backgrounds);
    range.setNotes(painted.notes);
    const answered =
      plan.answered.length === 0
        ? ''
        : ` ${plan.answered.length} still hold a value already rejected (not sent again): correct the red cells.`;
    // Last, once every cell is painted where it is: setup inserts rows when the config gained some.
    const realigned = scope === 'all' && stopped === '' ? realignRows(api) : '';
    const summary = `${cells.length} value cells checked: ${sent} sent because they differed from what is stored (${rejected} rejected), ${plan.unchanged.length} unchanged.${answered}${realigned}`;
    if (stopped !== '') alertUser(`${summary} Stopped before the rest: ${stopped}`);
    else toast(summary, 'Validation done');
  } finally {
    lock.releaseLock();
  }
}
