import { OUTCOME_COLOURS } from '../../functions/sheets/layout/anchors';
import { COORDINATOR, IFCA } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';
import { sentCells, storedRawIn } from './support/entries-sent';
import { type GatedBackend, startGatedBackend } from './support/gated-backend';

/**
 * Two edits at once, with the BUNDLED add-on in the Apps Script sandbox against the real router: the
 * document lock serialises them, a wait that runs out queues the edit, and nothing is lost or reordered.
 */
jest.setTimeout(180_000);

const BUSY_PREFIX = 'va-assess.busy.';
const ENTRIES = /\/entries$/;

const addon = useAddonSandboxStack();
const { box, cellOf, paintOf, entriesPosts, lastAlert } = addon;
const storedRaw = storedRawIn(addon);
const busyKeys = () => Object.keys(box().documentProperties()).filter((key) => key.startsWith(BUSY_PREFIX));

describe('two edits at once under the document lock', () => {
  let gate: GatedBackend | undefined;
  const gated = () => {
    if (gate === undefined) throw new Error('no gate');
    return gate;
  };
  beforeAll(async () => {
    // The add-on talks to the router through the gate, so a test decides when a request is answered.
    gate = await startGatedBackend(() => addon.routerUrl);
  });
  afterAll(async () => {
    await gate?.close();
  });

  const first = () => cellOf('ifca-cpu', 'cpu-hours', 'P3');
  const second = () => cellOf('ifca-gpu', 'gpu-hours', 'P3');

  /**
   * The first edit's trigger holds the lock, its request held at the gate; the second edit's trigger
   * is then waiting for the lock. Returns both edits, still running.
   */
  async function secondEditWhileFirstHoldsTheLock() {
    await addon.coordinatorSetsUp({ via: gated().url });
    const held = gated().holdNext('POST', ENTRIES);
    const posts = entriesPosts().length;
    const secondBefore = paintOf(second());
    const firstEdit = box().typeAs(IFCA, first().a1, '1,000');
    await held.arrived;
    const waiting = box().nextLockWait();
    const secondEdit = box().typeAs(IFCA, second().a1, '300');
    await waiting;
    return { held, posts, secondBefore, firstEdit, secondEdit };
  }

  it('makes the second edit wait for the lock, then sends and paints it after the first: nothing interleaves', async () => {
    const { held, posts, secondBefore, firstEdit, secondEdit } = await secondEditWhileFirstHoldsTheLock();
    // The second trigger has read its cell but paints nothing while the first one holds the lock.
    expect(paintOf(second())).toEqual(secondBefore);
    held.release();
    await Promise.all([firstEdit, secondEdit]);

    expect(sentCells(entriesPosts().slice(posts)).map((cells) => cells.map((cell) => cell.raw))).toEqual([
      ['1,000'],
      ['300'],
    ]);
    expect(await storedRaw('P3', 'ifca-cpu', 'cpu-hours')).toBe('1,000');
    expect(await storedRaw('P3', 'ifca-gpu', 'gpu-hours')).toBe('300');
    for (const cell of [first(), second()]) {
      expect([OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning]).toContain(paintOf(cell).background);
    }
  });

  it('queues an edit whose wait for the lock ran out, painted pending, and the lock holder sends it before letting go', async () => {
    const { held, firstEdit, secondEdit } = await secondEditWhileFirstHoldsTheLock();
    // The first request is slower than the second edit will wait: its wait runs out.
    expect(box().expireLockWaits()).toBe(1);
    await secondEdit;
    expect(paintOf(second())).toEqual({
      background: OUTCOME_COLOURS.pending,
      note: expect.stringMatching(
        /^Pending, will be sent.*another edit was being checked at the same moment/s,
      ),
    });
    expect(busyKeys()).not.toEqual([]);
    expect(await storedRaw('P3', 'ifca-gpu', 'gpu-hours')).not.toBe('300');

    held.release();
    await firstEdit;
    // Not dropped: stored and painted by the execution that held the lock, with nobody doing anything.
    expect(await storedRaw('P3', 'ifca-cpu', 'cpu-hours')).toBe('1,000');
    expect(await storedRaw('P3', 'ifca-gpu', 'gpu-hours')).toBe('300');
    expect([OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning]).toContain(paintOf(second()).background);
    expect(busyKeys()).toEqual([]);
    expect(addon.outboxItems()).toEqual([]);
  });

  it('keeps a queued edit through a backend failure of the lock holder; "Sync pending edits" stores both in typing order', async () => {
    const { held, posts, firstEdit, secondEdit } = await secondEditWhileFirstHoldsTheLock();
    expect(box().expireLockWaits()).toBe(1);
    await secondEdit;
    held.release({ status: 503, body: JSON.stringify({ code: 'unavailable', message: 'Try again later' }) });
    await firstEdit;
    expect(paintOf(first()).background).toBe(OUTCOME_COLOURS.pending);
    expect(paintOf(second()).background).toBe(OUTCOME_COLOURS.pending);

    // The coordinator syncs: the queued edits go out on their behalf, as the document trigger sent them.
    await box().run(COORDINATOR, 'menuSyncPending');
    expect(lastAlert()).toContain('2 of 2 pending edits sent');
    expect(lastAlert()).toContain('The outbox is empty');
    const sent = sentCells(entriesPosts().slice(posts)).flat();
    // The 503'd request, then the sync: the first edit before the second.
    expect(sent.map((cell) => cell.raw)).toEqual(['1,000', '1,000', '300']);
    expect(await storedRaw('P3', 'ifca-cpu', 'cpu-hours')).toBe('1,000');
    expect(await storedRaw('P3', 'ifca-gpu', 'gpu-hours')).toBe('300');
    expect(busyKeys()).toEqual([]);
    for (const cell of [first(), second()]) {
      expect([OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning]).toContain(paintOf(cell).background);
    }
  });
});
