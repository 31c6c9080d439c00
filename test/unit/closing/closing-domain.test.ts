import { amendmentsOf, entryAsOf, type HistoryEntry } from '../../../functions/domain/closing/as-of';
import { lockCovering, windowLockState } from '../../../functions/domain/closing/lock-coverage';
import type { PeriodLock } from '../../../functions/domain/closing/period-lock';

const lock = (
  windowId: string,
  periodIds: `P${number}`[],
  lockedAt: string,
  reopened = false,
): PeriodLock => ({
  lockId: `${windowId}-1`,
  windowId,
  periodIds,
  deliverable: `D for ${windowId}`,
  lockedBy: 'coordinator@example.org',
  lockedAt,
  ...(reopened
    ? { reopenedAt: '2024-01-01T00:00:00Z', reopenedBy: 'c@example.org', reopenReason: 'fix' }
    : {}),
});

const entry = (
  version: number,
  submittedAt: string,
  normalized: string,
  extra: Partial<HistoryEntry> = {},
): HistoryEntry => ({
  installationId: 'ifca-cpu',
  metricId: 'users',
  periodId: 'P2' as const,
  version,
  status: 'accepted' as const,
  value: { type: 'number', value: Number(normalized) },
  normalized,
  submittedAt,
  submittedBy: 'someone@example.org',
  ...extra,
});

describe('which lock covers a period or a window', () => {
  const py1 = lock('PY1', ['P1', 'P2'], '2023-10-30T08:00:00Z');
  const p3 = lock('P3', ['P3'], '2024-04-01T08:00:00Z');

  it('finds the active lock of a period, not a reopened one', () => {
    expect(lockCovering([py1], 'P2')).toBe(py1);
    expect(lockCovering([py1], 'P3')).toBeUndefined();
    expect(lockCovering([lock('PY1', ['P1', 'P2'], '2023-10-30T08:00:00Z', true)], 'P2')).toBeUndefined();
  });

  it('reports a window as of its last lock only when every period is locked', () => {
    expect(windowLockState([py1, p3], ['P1', 'P2'])).toEqual({ locks: [py1], asOf: py1.lockedAt });
    expect(windowLockState([py1, p3], ['P2', 'P3'])).toEqual({ locks: [py1, p3], asOf: p3.lockedAt });
    expect(windowLockState([py1], ['P3', 'P4'])).toBeUndefined();
  });
});

describe('a cell as of an instant', () => {
  const history = [
    entry(1, '2023-09-01T00:00:00Z', '16'),
    entry(2, '2023-11-01T00:00:00Z', '99', { status: 'rejected', value: null, normalized: '' }),
    entry(3, '2024-02-01T00:00:00+01:00', '17', { amendmentReason: 'recount', submittedBy: 'c@example.org' }),
  ];

  it('takes the latest value not rejected up to the instant, time zones compared as instants', () => {
    expect(entryAsOf(history, '2023-10-30T08:00:00Z')?.normalized).toBe('16');
    expect(entryAsOf(history, '2024-01-31T23:30:00Z')?.normalized).toBe('17');
    expect(entryAsOf(history, '2023-08-01T00:00:00Z')).toBeUndefined();
  });

  it('lists the amendments after the lock with the value each replaced', () => {
    expect(amendmentsOf(history, '2023-10-30T08:00:00Z', '2025-01-01T00:00:00Z')).toEqual([
      expect.objectContaining({
        oldValue: '16',
        newValue: '17',
        reason: 'recount',
        amendedBy: 'c@example.org',
      }),
    ]);
    expect(amendmentsOf(history, '2023-10-30T08:00:00Z', '2024-01-01T00:00:00Z')).toEqual([]);
  });
});
