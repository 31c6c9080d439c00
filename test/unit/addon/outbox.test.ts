import {
  batchRequestId,
  Outbox,
  type OutboxItem,
  outboxBatches,
  sendableBy,
} from '../../../sheets-addon/core/outbox';
import {
  memoryPropertyStore,
  PROPERTY_STORE_LIMIT_BYTES,
  PROPERTY_VALUE_LIMIT_BYTES,
} from '../../../sheets-addon/core/property-store';

function item(
  index: number,
  raw: string | number = index,
  editor: string | null = 'partner@ifca.example.org',
): OutboxItem {
  return {
    id: `id-${index}`,
    submission: {
      installationId: 'ifca-cpu',
      metricId: 'cpu-hours',
      periodId: 'P1',
      raw,
      cell: `Metrics!C${index}`,
    },
    sheetId: 1,
    row: index,
    column: 3,
    actingFor: { editor, via: 'document-trigger' },
    queuedAt: '2023-10-02T09:00:00.000Z',
  };
}

function assertWithinLimits(values: Map<string, string>) {
  let total = 0;
  for (const [key, value] of values) {
    expect(Buffer.byteLength(value)).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT_BYTES);
    total += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  expect(total).toBeLessThanOrEqual(PROPERTY_STORE_LIMIT_BYTES);
}

describe('the outbox of edits waiting for the backend', () => {
  it('keeps edits in the order they were typed, across appends, and drops answered ones from the front', () => {
    const store = memoryPropertyStore();
    const outbox = new Outbox(store);
    outbox.append([item(1), item(2)]);
    outbox.append([item(3)]);
    expect(outbox.items().map((queued) => queued.id)).toEqual(['id-1', 'id-2', 'id-3']);
    outbox.dropFirst(2);
    expect(outbox.items().map((queued) => queued.id)).toEqual(['id-3']);
    outbox.dropFirst(1);
    expect(store.values.size).toBe(0);
  });

  it('chunks many edits under 9 KB per property and keeps the store under 500 KB, refusing the rest in order', () => {
    const store = memoryPropertyStore({ 'va-assess.backendUrl': 'https://api.example.org' });
    const outbox = new Outbox(store);
    const many = Array.from({ length: 4000 }, (_, index) => item(index, `${index} ${'é'.repeat(40)}`));
    const { queued, overflow } = outbox.append(many);
    expect(queued.length).toBeGreaterThan(1000);
    expect(overflow.length).toBeGreaterThan(0);
    expect(queued.length + overflow.length).toBe(4000);
    // Nothing later than a refused edit is queued: the outbox stays a prefix of what was typed.
    expect(overflow[0]?.id).toBe(`id-${queued.length}`);
    expect(store.values.size).toBeGreaterThan(10);
    assertWithinLimits(store.values);
    expect(outbox.items()).toHaveLength(queued.length);
    expect(outbox.append([item(99999)]).overflow).toHaveLength(1);
  });

  it('refuses a single cell too big for one property instead of breaking the store', () => {
    const outbox = new Outbox(memoryPropertyStore());
    const { queued, overflow } = outbox.append([item(1, 'x'.repeat(20_000))]);
    expect(queued).toEqual([]);
    expect(overflow).toHaveLength(1);
  });

  it('batches consecutive edits of the same editor, at most the API limit each, with a stable request id', () => {
    const items = [item(1), item(2), item(3, 3, null), item(4), item(5), item(6)];
    const batches = outboxBatches(items, 2);
    expect(batches.map((batch) => batch.map((queued) => queued.id))).toEqual([
      ['id-1', 'id-2'],
      ['id-3'],
      ['id-4', 'id-5'],
      ['id-6'],
    ]);
    expect(batchRequestId(batches[0] ?? [])).toBe('outbox-id-1');
  });

  it('removes answered items from anywhere, keeping the others in typing order', () => {
    const store = memoryPropertyStore();
    const outbox = new Outbox(store);
    outbox.append([item(1), item(2), item(3), item(4)]);
    outbox.remove(new Set(['id-1', 'id-3']));
    expect(outbox.items().map((queued) => queued.id)).toEqual(['id-2', 'id-4']);
    outbox.remove(new Set(['id-2', 'id-4']));
    expect(store.values.size).toBe(0);
  });

  it('lets a partner send only the batches they typed; a coordinator sends all, the editor-less ones too', () => {
    const batches = outboxBatches([
      item(1),
      item(2, 2, 'someone@incd.example.org'),
      item(3, 3, null),
      item(4),
    ]);
    const partner = { role: 'partner' as const, email: 'Partner@IFCA.example.org' };
    expect(
      batches.filter((batch) => sendableBy(partner, batch)).map((batch) => batch.map((q) => q.id)),
    ).toEqual([['id-1'], ['id-4']]);
    expect(batches.filter((batch) => sendableBy({ role: 'coordinator' }, batch))).toHaveLength(4);
  });

  it('cuts the same first batch again after a partner removed batches behind it (same requestId, same cells)', () => {
    const incd = 'someone@incd.example.org';
    const items = [item(1, 1, incd), item(2), item(3, 3, incd)];
    const first = outboxBatches(items)[0] ?? [];
    const afterPartner = outboxBatches(items.filter((queued) => queued.id !== 'id-2'))[0] ?? [];
    expect(batchRequestId(afterPartner)).toBe(batchRequestId(first));
    expect(afterPartner.slice(0, first.length)).toEqual(first);
  });
});
