import { MAX_CELLS_PER_REQUEST } from '../../functions/api/api-paths';
import type { ActingFor, CellOutcome } from '../../functions/api/contract';
import type { ApiClient } from '../core/api-client';
import { inBatches } from '../core/batches';
import { paintForOutcome, paintPending, paintRefused, paintUnqueued } from '../core/cell-note';
import { batchRequestId, Outbox, type OutboxItem, outboxBatches } from '../core/outbox';
import type { ValueCell } from '../core/value-grid';
import { documentProperties, nowIso, uniqueId } from './apps-script';
import { paintBySheet } from './painter';

export interface SendReport {
  sent: number;
  rejected: number;
  warnings: number;
  /** Cells now waiting in the outbox. */
  pending: number;
  /** Cells the full outbox could not take: the sheet holds them for "Validate whole sheet". */
  unqueued: number;
  /** The API's sentence when it refused a whole request (403...). */
  refused?: string;
  /** Why the backend could not be used. */
  unavailable?: string;
}

const emptyReport = (): SendReport => ({ sent: 0, rejected: 0, warnings: 0, pending: 0, unqueued: 0 });

function count(report: SendReport, outcomes: readonly CellOutcome[]): void {
  report.sent += outcomes.length;
  report.rejected += outcomes.filter((outcome) => outcome.status === 'rejected').length;
  report.warnings += outcomes.filter((outcome) => outcome.status === 'warning').length;
}

const BUSY_KEY_PREFIX = 'va-assess.busy.';

/**
 * An edit that arrived while another execution held the document lock: written under its own key
 * (one write, no read-modify-write of shared state without the lock) and moved into the outbox by
 * the next execution that gets the lock.
 */
export function queueWhileBusy(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheetId: number,
  cells: readonly ValueCell[],
  actingFor: ActingFor,
): void {
  const items = cells.map((cell) => toItem(cell, sheetId, actingFor));
  const store = documentProperties();
  const key = `${BUSY_KEY_PREFIX}${Date.now().toString().padStart(15, '0')}.${uniqueId()}`;
  const values: Record<string, string> = {};
  inBatches(items, 20).forEach((batch, index) => {
    values[`${key}.${String(index).padStart(4, '0')}`] = JSON.stringify(batch);
  });
  store.setAll(values);
  paintBySheet(
    spreadsheet,
    cells.map((cell) => ({
      sheetId,
      row: cell.row,
      column: cell.column,
      paint: paintPending(cell.submission.raw, 'another edit was being checked at the same moment'),
    })),
  );
}

/** Moves edits queued while the lock was busy into the outbox, oldest first. Caller holds the lock. */
export function adoptBusyEdits(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const store = documentProperties();
  const all = store.getAll();
  const keys = Object.keys(all)
    .filter((key) => key.startsWith(BUSY_KEY_PREFIX))
    .sort();
  if (keys.length === 0) return;
  const items = keys.flatMap((key) => JSON.parse(all[key] ?? '[]') as OutboxItem[]);
  const { overflow } = new Outbox(store).append(items);
  for (const key of keys) store.remove(key);
  paintBySheet(
    spreadsheet,
    overflow.map((item) => ({
      sheetId: item.sheetId,
      row: item.row,
      column: item.column,
      paint: paintUnqueued(item.submission.raw, 'the outbox of pending edits is full'),
    })),
  );
}

/**
 * The edits queued while the caller held the lock, moved to the outbox and sent (with anything else
 * waiting there). No request at all when nothing was queued. Caller holds the lock.
 */
export function sendBusyEdits(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, api: ApiClient): void {
  const queued = Object.keys(documentProperties().getAll()).some((key) => key.startsWith(BUSY_KEY_PREFIX));
  if (!queued) return;
  adoptBusyEdits(spreadsheet);
  drainOutbox(spreadsheet, api);
}

function toItem(cell: ValueCell, sheetId: number, actingFor: ActingFor | undefined): OutboxItem {
  return {
    id: uniqueId(),
    submission: cell.submission,
    sheetId,
    row: cell.row,
    column: cell.column,
    ...(actingFor === undefined ? {} : { actingFor }),
    queuedAt: nowIso(),
  };
}

/** Sends the outbox, oldest first, painting each answered cell. Stops at the first batch not answered. */
export function drainOutbox(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  api: ApiClient,
): SendReport {
  const report = emptyReport();
  const outbox = new Outbox(documentProperties());
  for (const batch of outboxBatches(outbox.items(), MAX_CELLS_PER_REQUEST)) {
    const result = api.postEntries(
      batch.map((item) => item.submission),
      batch[0]?.actingFor,
      batchRequestId(batch),
    );
    if (result.kind === 'unavailable') {
      report.unavailable = result.message;
      break;
    }
    if (result.kind === 'refused') {
      report.refused = result.message;
      break;
    }
    count(report, result.value.outcomes);
    paintBySheet(
      spreadsheet,
      batch.map((item, index) => {
        const outcome = result.value.outcomes[index];
        return {
          sheetId: item.sheetId,
          row: item.row,
          column: item.column,
          paint:
            outcome === undefined
              ? paintRefused(item.submission.raw, 'the backend gave no answer for this cell')
              : paintForOutcome(outcome, item.submission.raw),
        };
      }),
    );
    outbox.dropFirst(batch.length);
  }
  report.pending = outbox.size();
  return report;
}

/**
 * The live-validation path: whatever waits in the outbox goes first (edits stay in typing order), then
 * these cells in requests of at most MAX_CELLS_PER_REQUEST. Every outcome is painted in one pass; when
 * the backend does not answer, the cells join the outbox and are painted pending. Caller holds the lock.
 */
export function sendEditedCells(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheetId: number,
  cells: readonly ValueCell[],
  api: ApiClient,
  actingFor: ActingFor,
): SendReport {
  adoptBusyEdits(spreadsheet);
  const drained = drainOutbox(spreadsheet, api);
  const report = { ...drained };
  const painted: {
    sheetId: number;
    row: number;
    column: number;
    paint: ReturnType<typeof paintForOutcome>;
  }[] = [];
  let queue: ValueCell[] = [];
  let reason = drained.unavailable;
  if (reason !== undefined || drained.pending > 0) {
    queue = [...cells];
    reason ??= drained.refused ?? 'earlier edits are still waiting to be sent';
  } else {
    const batches = inBatches(cells, MAX_CELLS_PER_REQUEST);
    for (const [index, batch] of batches.entries()) {
      const result = api.postEntries(
        batch.map((cell) => cell.submission),
        actingFor,
      );
      if (result.kind === 'unavailable') {
        queue = batches.slice(index).flat();
        reason = result.message;
        report.unavailable = result.message;
        break;
      }
      if (result.kind === 'refused') {
        report.refused = result.message;
        for (const cell of batch) {
          painted.push({
            sheetId,
            row: cell.row,
            column: cell.column,
            paint: paintRefused(cell.submission.raw, result.message),
          });
        }
        continue;
      }
      count(report, result.value.outcomes);
      batch.forEach((cell, at) => {
        const outcome = result.value.outcomes[at];
        painted.push({
          sheetId,
          row: cell.row,
          column: cell.column,
          paint:
            outcome === undefined
              ? paintRefused(cell.submission.raw, 'the backend gave no answer for this cell')
              : paintForOutcome(outcome, cell.submission.raw),
        });
      });
    }
  }
  if (queue.length > 0) {
    const { queued, overflow } = new Outbox(documentProperties()).append(
      queue.map((cell) => toItem(cell, sheetId, actingFor)),
    );
    const why = reason ?? 'the backend did not answer';
    for (const item of queued) {
      painted.push({
        sheetId,
        row: item.row,
        column: item.column,
        paint: paintPending(item.submission.raw, why),
      });
    }
    for (const item of overflow) {
      painted.push({
        sheetId,
        row: item.row,
        column: item.column,
        paint: paintUnqueued(item.submission.raw, why),
      });
    }
    report.pending = drained.pending + queued.length;
    report.unqueued = overflow.length;
  }
  paintBySheet(spreadsheet, painted);
  return report;
}
