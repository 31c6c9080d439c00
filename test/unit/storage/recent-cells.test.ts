import type { CellItem } from '../../../functions/storage/entry-records';
import { RecentCells } from '../../../functions/storage/recent-cells';

const PROJECT = 'imagine';
const REVISION = 'rev-1';

function cell(submissions: number, status: 'accepted' | 'warning' = 'accepted'): CellItem {
  return {
    pk: `PROJECT#${PROJECT}`,
    sk: 'ENTRY#P1#ifca-cpu#cpu-hours',
    type: 'entry',
    projectId: PROJECT,
    installationId: 'ifca-cpu',
    metricId: 'cpu-hours',
    periodId: 'P1',
    submissions,
    lastStatus: status,
    status,
  } as unknown as CellItem;
}

/** A RecentCells on a clock the test moves. */
function recentCells(freshMs = 1000, maxCells?: number) {
  let now = 10_000;
  const recent = new RecentCells({
    freshMs,
    clock: () => now,
    ...(maxCells === undefined ? {} : { maxCells }),
  });
  return { recent, advance: (ms: number) => (now += ms), now: () => now };
}

describe('RecentCells: what an instance saw lately stands in for a read', () => {
  it('answers from memory only while every cell and the revision were seen within the window', () => {
    const { recent, advance, now } = recentCells(1000);
    recent.rememberRevision(PROJECT, REVISION, now());
    recent.rememberCell('a', cell(3), now());
    recent.rememberCell('b', undefined, now());

    const found = recent.lookup(PROJECT, ['a', 'b'], REVISION);
    expect(found).toBeDefined();
    // A cell seen not to exist is known, and simply absent from the answer.
    expect([...(found ?? new Map()).keys()]).toEqual(['a']);

    advance(1000);
    expect(recent.lookup(PROJECT, ['a', 'b'], REVISION)).toBeDefined();
    advance(1);
    expect(recent.lookup(PROJECT, ['a', 'b'], REVISION)).toBeUndefined();
  });

  it.each([
    [
      'a cell never seen',
      (r: RecentCells, t: number) => {
        r.rememberRevision(PROJECT, REVISION, t);
        r.rememberCell('a', cell(1), t);
      },
      ['a', 'x'],
    ],
    ['no revision seen', (r: RecentCells, t: number) => r.rememberCell('a', cell(1), t), ['a']],
    [
      'another revision seen',
      (r: RecentCells, t: number) => {
        r.rememberRevision(PROJECT, 'rev-0', t);
        r.rememberCell('a', cell(1), t);
      },
      ['a'],
    ],
  ])('reads when there is %s', (_, seen, ids) => {
    const { recent, now } = recentCells();
    seen(recent, now());
    expect(recent.lookup(PROJECT, ids, REVISION)).toBeUndefined();
  });

  it('keeps the higher submission counter whatever arrives last, and for the same counter the later sighting', () => {
    const { recent, now, advance } = recentCells();
    recent.rememberRevision(PROJECT, REVISION, now());
    recent.rememberCell('a', cell(5), now());
    // A read sent before the write landed answers after it: it must not bring the old state back.
    recent.rememberCell('a', cell(4), now() - 5);
    expect(recent.lookup(PROJECT, ['a'], REVISION)?.get('a')?.submissions).toBe(5);

    advance(10);
    // A re-checked outcome keeps the counter: the later sighting is the newer state.
    recent.rememberCell('a', cell(5, 'warning'), now());
    recent.rememberCell('a', cell(5, 'accepted'), now() - 20);
    expect(recent.lookup(PROJECT, ['a'], REVISION)?.get('a')?.status).toBe('warning');
  });

  it('forgets a cell whose state became unknown', () => {
    const { recent, now } = recentCells();
    recent.rememberRevision(PROJECT, REVISION, now());
    recent.rememberCell('a', cell(1), now());
    recent.forgetCell('a');
    expect(recent.lookup(PROJECT, ['a'], REVISION)).toBeUndefined();
  });

  it('never answers when the window is 0, as RECENT_CELLS_MS=0 asks', () => {
    const { recent, now } = recentCells(0);
    recent.rememberRevision(PROJECT, REVISION, now());
    recent.rememberCell('a', cell(1), now());
    expect(recent.lookup(PROJECT, ['a'], REVISION)).toBeUndefined();
  });

  it('keeps at most maxCells, forgetting the ones seen longest ago', () => {
    const { recent, now } = recentCells(1000, 2);
    recent.rememberRevision(PROJECT, REVISION, now());
    for (const id of ['a', 'b', 'c']) recent.rememberCell(id, cell(1), now());
    expect(recent.lookup(PROJECT, ['a'], REVISION)).toBeUndefined();
    expect(recent.lookup(PROJECT, ['b', 'c'], REVISION)).toBeDefined();
  });

  it('keeps the period locks read with the revision, and forgets both once this process changed the locks', () => {
    const { recent, now } = recentCells(1000);
    const lock = {
      lockId: 'PY1-1',
      windowId: 'PY1',
      periodIds: ['P1' as const, 'P2' as const],
      deliverable: 'D4.2',
      lockedBy: 'coordinator@example.org',
      lockedAt: '2023-10-30T08:00:00.000Z',
    };
    recent.rememberRevision(PROJECT, REVISION, now(), { locks: [lock], lockChanges: 1 });
    recent.rememberCell('a', cell(3), now());
    expect(recent.lookup(PROJECT, ['a'], REVISION)).toBeDefined();
    expect(recent.locksSeen(PROJECT)).toEqual([lock]);
    expect(recent.lockChangesSeen(PROJECT)).toBe(1);

    recent.forgetRevision(PROJECT);
    expect(recent.lookup(PROJECT, ['a'], REVISION)).toBeUndefined();
    expect(recent.locksSeen(PROJECT)).toEqual([]);
    expect(recent.lockChangesSeen(PROJECT)).toBe(0);
  });
});
