import type { ActingFor, CellSubmission } from '../../functions/shared/addon-contract';
import { ENTRIES_REQUEST_LIMITS, type RequestLimits, requestBatches, submissionBytes } from './batches';
import { utf8Length } from './bytes';
import { PROPERTY_STORE_LIMIT_BYTES, PROPERTY_VALUE_LIMIT_BYTES, type PropertyStore } from './property-store';

/** A cell that could not be sent: enough to send it later and to paint its outcome where it was typed. */
export interface OutboxItem {
  /** Unique and stable: resending the same batch reuses the same requestId, so nothing is stored twice. */
  id: string;
  submission: CellSubmission;
  sheetId: number;
  row: number;
  column: number;
  /** The trigger's editor: resent on that editor's behalf. Absent for menu actions. */
  actingFor?: ActingFor;
  /** ISO instant. */
  queuedAt: string;
}

export const OUTBOX_KEY_PREFIX = 'va-assess.outbox.';
/** Below the 9 KB per value, leaving room for the key and Apps Script's own accounting. */
const CHUNK_BYTES = PROPERTY_VALUE_LIMIT_BYTES - 512;
/** What the rest of the document properties (settings, trigger record, queued edits) may still use. */
const RESERVED_BYTES = 48 * 1024;

export interface AppendResult {
  queued: OutboxItem[];
  /** Items the store could not take (full, or a single cell too big for a property): not lost, the sheet holds them. */
  overflow: OutboxItem[];
}

const chunkKey = (index: number) => `${OUTBOX_KEY_PREFIX}${String(index).padStart(5, '0')}`;

function storedBytes(values: Record<string, string>, keep: (key: string) => boolean): number {
  return Object.entries(values)
    .filter(([key]) => keep(key))
    .reduce((sum, [key, value]) => sum + utf8Length(key) + utf8Length(value), 0);
}

/**
 * Edits waiting for the backend, oldest first, kept in document properties so that any later execution
 * (the next edit, "Sync pending edits") sends them in the order they were typed. Items are packed into
 * chunks under the per-value limit; the whole outbox stays under the per-store limit.
 * Callers hold the document lock: chunks are rewritten as a whole.
 */
export class Outbox {
  constructor(private readonly store: PropertyStore) {}

  items(): OutboxItem[] {
    const all = this.store.getAll();
    return Object.keys(all)
      .filter((key) => key.startsWith(OUTBOX_KEY_PREFIX))
      .sort()
      .flatMap((key) => JSON.parse(all[key] ?? '[]') as OutboxItem[]);
  }

  size(): number {
    return this.items().length;
  }

  append(items: readonly OutboxItem[]): AppendResult {
    const kept = this.items();
    const all = this.store.getAll();
    const budget =
      PROPERTY_STORE_LIMIT_BYTES -
      RESERVED_BYTES -
      storedBytes(all, (key) => !key.startsWith(OUTBOX_KEY_PREFIX));
    const queued: OutboxItem[] = [];
    const overflow: OutboxItem[] = [];
    let used = kept.reduce((sum, item) => sum + utf8Length(JSON.stringify(item)) + 1, 0);
    for (const item of items) {
      const bytes = utf8Length(JSON.stringify(item)) + 1;
      // Once one cell does not fit, later ones are not queued either: the outbox stays in typing order.
      if (overflow.length > 0 || bytes > CHUNK_BYTES - 2 || used + bytes > budget) {
        overflow.push(item);
        continue;
      }
      used += bytes;
      queued.push(item);
    }
    if (queued.length > 0) this.replace([...kept, ...queued]);
    return { queued, overflow };
  }

  /** Drops the first `count` items: those the backend has answered. */
  dropFirst(count: number): void {
    this.replace(this.items().slice(count));
  }

  /** Drops answered items wherever they are: a partner's sync answers some and leaves the others queued. */
  remove(ids: ReadonlySet<string>): void {
    this.replace(this.items().filter((item) => !ids.has(item.id)));
  }

  private replace(items: readonly OutboxItem[]): void {
    const chunks: string[] = [];
    let current: string[] = [];
    let bytes = 2;
    for (const item of items) {
      const text = JSON.stringify(item);
      const size = utf8Length(text) + 1;
      if (current.length > 0 && bytes + size > CHUNK_BYTES) {
        chunks.push(`[${current.join(',')}]`);
        current = [];
        bytes = 2;
      }
      current.push(text);
      bytes += size;
    }
    if (current.length > 0) chunks.push(`[${current.join(',')}]`);
    const existing = Object.keys(this.store.getAll()).filter((key) => key.startsWith(OUTBOX_KEY_PREFIX));
    const next: Record<string, string> = {};
    chunks.forEach((chunk, index) => {
      next[chunkKey(index)] = chunk;
    });
    for (const key of existing) if (!(key in next)) this.store.remove(key);
    if (chunks.length > 0) this.store.setAll(next);
  }
}

/**
 * The requestId of a batch: stable across resends. Batches are cut greedily from the oldest item and
 * items only ever join at the end, so a batch sent once (even when its answer was lost) is cut the
 * same way the next time, with the same cells at the same places: the API's per-cell idempotency
 * (`requestId:index`) then answers the stored result instead of storing the cell again.
 */
export const batchRequestId = (batch: readonly OutboxItem[]) => `outbox-${batch[0]?.id ?? 'empty'}`;

/** Consecutive items sent the same way (same editor), within the API's limits per request, in order. */
export function outboxBatches(
  items: readonly OutboxItem[],
  limits: RequestLimits | number = ENTRIES_REQUEST_LIMITS,
): OutboxItem[][] {
  const within = typeof limits === 'number' ? { ...ENTRIES_REQUEST_LIMITS, maxCells: limits } : limits;
  return requestBatches(
    items,
    within,
    (item) => submissionBytes(item.submission),
    (batch, item) => JSON.stringify(batch[0]?.actingFor) === JSON.stringify(item.actingFor),
  );
}

/** Who a sync sends for: a coordinator sends every item; a partner only the edits they typed. */
export type SyncSender = { role: 'coordinator' } | { role: 'partner'; email: string };

/** Whether `sender` may send this batch, and how: a partner sends their own edits under their own name. */
export function sendableBy(sender: SyncSender, batch: readonly OutboxItem[]): boolean {
  if (sender.role === 'coordinator') return true;
  const editor = batch[0]?.actingFor?.editor;
  return typeof editor === 'string' && editor.toLowerCase() === sender.email.toLowerCase();
}
