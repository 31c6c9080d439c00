import type { ActingFor, CellOutcome } from '../../functions/shared/addon-contract';
import type { ApiClient } from '../core/api-client';
import { requestBatches } from '../core/batches';
import { utf8Length } from '../core/bytes';
import { oversizedLength, withoutOversized } from '../core/cell-limits';
import {
  type CellPaint,
  paintForAnswer,
  paintPending,
  paintRefused,
  paintTooLong,
  paintUnqueued,
} from '../core/cell-note';
import {
  batchRequestId,
  Outbox,
  type OutboxItem,
  outboxBatches,
  type SyncSender,
  sendableBy,
} from '../core/outbox';
import { PROPERTY_VALUE_LIMIT_BYTES } from '../core/property-store';
import type { ValueCell } from '../core/value-grid';
import { documentProperties, nowIso, uniqueId } from './apps-script';
import { paintBySheet } from './painter';
import { repaintRevalidated } from './repaint-revalidated';

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
  /** Queued edits a partner's sync left for a coordinator: typed by someone else, or editor unknown. */
  notMine?: number;
}

const emptyReport = (): SendReport => ({ sent: 0, rejected: 0, warnings: 0, pending: 0, unqueued: 0 });

function count(report: SendReport, outcomes: readonly CellOutcome[]): void {
  report.sent += outcomes.length;
  report.rejected += outcomes.filter((outcome) => outcome.status === 'rejected').length;
  report.warnings += outcomes.filter((outcome) => outcome.status === 'warning').length;
}

const BUSY_KEY_PREFIX = 'va-assess.busy.';
/** Below Apps Script's 9 KB per property value, with room for the brackets. */
const BUSY_CHUNK_BYTES = PROPERTY_VALUE_LIMIT_BYTES - 512;
const itemBytes = (item: OutboxItem) => utf8Length(JSON.stringify(item)) + 1;

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
  const { sendable, tooLong } = withoutOversized(cells);
  const items = sendable.map((cell) => toItem(cell, sheetId, actingFor));
  // One property per chunk, each under the per-value limit; a cell too big for any property is left
  // in the sheet for "Validate whole sheet", as the full outbox does.
  const fits = (item: OutboxItem) => itemBytes(item) <= BUSY_CHUNK_BYTES;
  const store = documentProperties();
  const key = `${BUSY_KEY_PREFIX}${Date.now().toString().padStart(15, '0')}.${uniqueId()}`;
  const values: Record<string, string> = {};
  requestBatches(items.filter(fits), { maxCells: 1000, maxBytes: BUSY_CHUNK_BYTES }, itemBytes).forEach(
    (batch, index) => {
      values[`${key}.${String(index).padStart(4, '0')}`] = JSON.stringify(batch);
    },
  );
  if (Object.keys(values).length > 0) store.setAll(values);
  const why = 'another edit was being checked at the same moment';
  paintBySheet(spreadsheet, [
    ...items.map((item) => ({
      sheetId,
      row: item.row,
      column: item.column,
      paint: fits(item)
        ? paintPending(item.submission.raw, why)
        : paintUnqueued(item.submission.raw, why, 'the cell is too big to keep for later'),
    })),
    ...paintTooLongCells(sheetId, tooLong),
  ]);
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

/** One cell's paint, in the shape paintBySheet takes. */
interface PaintedCell {
  sheetId: number;
  row: number;
  column: number;
  paint: CellPaint;
}

const paintedItem = (item: OutboxItem, paint: CellPaint): PaintedCell => ({
  sheetId: item.sheetId,
  row: item.row,
  column: item.column,
  paint,
});

interface SendThenPaint {
  actingFor: (batch: readonly OutboxItem[]) => ActingFor | undefined;
  /** Batches this sender may not send are skipped and stay queued, in order (a partner's sync). */
  sendable?: (batch: readonly OutboxItem[]) => boolean;
  /** An answered batch with its cells' paint; `skippedBefore` counts the cells left queued ahead of it. */
  answered: (batch: readonly OutboxItem[], paints: PaintedCell[], skippedBefore: number) => void;
  /** A refused batch painted refused, and the next one sent; without it the first refusal stops. */
  refused?: (paints: PaintedCell[]) => void;
}

/**
 * The one send-then-paint loop: each batch in order, counted into `report` and painted by the
 * caller; stops at the first batch not answered, returning it and those after it as `unsent`.
 */
function sendThenPaint(
  batches: readonly OutboxItem[][],
  api: ApiClient,
  report: SendReport,
  loop: SendThenPaint,
): { revalidated: CellOutcome[]; skipped: number; unsent: OutboxItem[] } {
  const revalidated: CellOutcome[] = [];
  let skipped = 0;
  for (const [index, batch] of batches.entries()) {
    if (loop.sendable !== undefined && !loop.sendable(batch)) {
      skipped += batch.length;
      continue;
    }
    const result = api.postEntries(
      batch.map((item) => item.submission),
      loop.actingFor(batch),
      batchRequestId(batch),
    );
    if (result.kind === 'unavailable') {
      report.unavailable = result.message;
      return { revalidated, skipped, unsent: batches.slice(index).flat() };
    }
    if (result.kind === 'refused') {
      report.refused = result.message;
      if (loop.refused === undefined) break;
      loop.refused(batch.map((item) => paintedItem(item, paintRefused(item.submission.raw, result.message))));
      continue;
    }
    count(report, result.value.outcomes);
    revalidated.push(...(result.value.revalidated ?? []));
    const paints = batch.map((item, at) =>
      paintedItem(item, paintForAnswer(result.value.outcomes[at], item.submission.raw)),
    );
    loop.answered(batch, paints, skipped);
  }
  return { revalidated, skipped, unsent: [] };
}

/**
 * Sends the outbox, oldest first, painting each answered cell. Stops at the first batch not answered.
 * A coordinator sends every batch as it was queued (on the editor's behalf); a partner sends only the
 * batches they typed, under their own name (the API takes actingFor from coordinators only), and the
 * others stay queued, in order, for a coordinator or the next edit.
 */
export function drainOutbox(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  api: ApiClient,
  sender: SyncSender = { role: 'coordinator' },
): SendReport {
  const report = emptyReport();
  const outbox = new Outbox(documentProperties());
  const { revalidated, skipped } = sendThenPaint(outboxBatches(outbox.items()), api, report, {
    actingFor: (batch) => (sender.role === 'coordinator' ? batch[0]?.actingFor : undefined),
    sendable: (batch) => sendableBy(sender, batch),
    // Painted and dropped batch by batch: an execution cut short keeps what was answered.
    answered: (batch, paints, skippedBefore) => {
      paintBySheet(spreadsheet, paints);
      if (skippedBefore === 0) outbox.dropFirst(batch.length);
      else outbox.remove(new Set(batch.map((item) => item.id)));
    },
  });
  report.pending = outbox.size();
  report.notMine = skipped;
  repaintRevalidated(spreadsheet, revalidated);
  return report;
}

/** Cells the API would refuse whole for their length: painted on their own, never sent. */
function paintTooLongCells(sheetId: number, cells: readonly ValueCell[]) {
  return cells.map((cell) => ({
    sheetId,
    row: cell.row,
    column: cell.column,
    paint: paintTooLong(cell.submission.raw, oversizedLength(cell.submission.raw) ?? 0),
  }));
}

/**
 * The live-validation path: whatever waits in the outbox goes first (edits stay in typing order), then
 * these cells in requests within the API's limits. Every outcome is painted in one pass; when the
 * backend does not answer, the cells join the outbox and are painted pending. The cells become outbox
 * items BEFORE the first attempt and are sent exactly as the outbox would send them, with the same
 * requestId: an attempt whose answer was lost (stored, then the connection dropped) is a replay when
 * resent, not a second version. A text longer than the API takes is painted on its own and not sent,
 * so it cannot get the rest of a paste refused. Caller holds the lock.
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
  const { sendable, tooLong } = withoutOversized(cells);
  const painted: PaintedCell[] = paintTooLongCells(sheetId, tooLong);
  const items = sendable.map((cell) => toItem(cell, sheetId, actingFor));
  let revalidated: CellOutcome[] = [];
  let queue: OutboxItem[] = [];
  let reason = drained.unavailable;
  if (reason !== undefined || drained.pending > 0) {
    queue = items;
    reason ??= drained.refused ?? 'earlier edits are still waiting to be sent';
  } else {
    const sent = sendThenPaint(outboxBatches(items), api, report, {
      actingFor: () => actingFor,
      answered: (_batch, paints) => painted.push(...paints),
      refused: (paints) => painted.push(...paints),
    });
    revalidated = sent.revalidated;
    queue = sent.unsent;
    if (queue.length > 0) reason = report.unavailable;
  }
  if (queue.length > 0) {
    const { queued, overflow } = new Outbox(documentProperties()).append(queue);
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
  // After the edited cells: a neighbour's note follows the value it quotes.
  repaintRevalidated(spreadsheet, revalidated);
  return report;
}
