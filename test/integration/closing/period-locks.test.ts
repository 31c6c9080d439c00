import type { DateTime } from 'luxon';
import { apiPaths } from '../../../functions/contract/contract';
import { COORDINATOR, IFCA, NOW, useApiServer } from '../api/api-test-server';

const PROJECT = 'imagine';
const DELIVERABLE = 'D4.2, submitted 2023-10-30';
let clock: DateTime = NOW;
const api = useApiServer({ overrides: () => ({ now: () => clock }) });

const cpuP2 = (raw: string, extra: Record<string, unknown> = {}) => ({
  installationId: 'ifca-cpu',
  metricId: 'cpu-hours',
  periodId: 'P2',
  raw,
  ...extra,
});

async function post(as: string, cells: unknown[]) {
  const posted = await api.call('POST', apiPaths.entries(PROJECT), { as, body: { cells } });
  expect(posted.status).toBe(200);
  return posted.body.outcomes[0];
}

async function historyOfCpuP2() {
  const read = await api.call('GET', apiPaths.history(PROJECT, 'ifca-cpu', 'cpu-hours', 'P2'), { as: IFCA });
  return read.body.items as { raw: string; status: string; current: boolean; amendment?: unknown }[];
}

describe('locking a period once its deliverable is submitted', () => {
  beforeEach(async () => {
    clock = NOW;
    await api.seedExample();
    clock = NOW.plus({ days: 28 });
    const locked = await api.call('POST', apiPaths.lockPeriod(PROJECT, 'PY1'), {
      as: COORDINATOR,
      body: { deliverable: DELIVERABLE },
    });
    expect(locked.status).toBe(200);
    expect(locked.body).toEqual(
      expect.objectContaining({ windowId: 'PY1', periodIds: ['P1', 'P2'], lockedBy: COORDINATOR }),
    );
    clock = NOW.plus({ days: 60 });
  }, 60_000);

  it("refuses a partner's edit of a locked cell with a sentence, and keeps it in the history as refused", async () => {
    const outcome = await post(IFCA, [cpuP2('400,000', { cell: 'Metrics!D10' })]);
    expect(outcome.status).toBe('rejected');
    expect(outcome.issues[0].ruleId).toBe('period-locked');
    expect(outcome.message).toBe(
      'P2 of "ifca-cpu" / "cpu-hours" (cell Metrics!D10) is locked since 2023-10-30T08:00:00.000Z for ' +
        `${DELIVERABLE} (locked by ${COORDINATOR}); the value was not taken. ` +
        `Ask a coordinator (${COORDINATOR}) to record an amendment with its reason.`,
    );
    const history = await historyOfCpuP2();
    expect(history.map(({ raw, status, current }) => ({ raw, status, current }))).toEqual([
      { raw: '393,888', status: 'accepted', current: true },
      { raw: '400,000', status: 'rejected', current: false },
    ]);
    // The next period is open.
    const p3 = await post(IFCA, [{ ...cpuP2('380,000'), periodId: 'P3' }]);
    expect(p3).toEqual(expect.objectContaining({ status: 'accepted', version: 1 }));
  });

  it('takes a coordinator edit only as an amendment with a reason, kept in the history', async () => {
    const noReason = await post(COORDINATOR, [cpuP2('400,000')]);
    expect(noReason.status).toBe('rejected');
    expect(noReason.message).toContain('a coordinator changes it only as an amendment with a reason');

    const amended = await post(COORDINATOR, [
      cpuP2('400,000', { amendmentReason: 'Accounting fix from IFCA' }),
    ]);
    expect(amended.status).toBe('accepted');
    const history = await historyOfCpuP2();
    expect(history[2]).toEqual(
      expect.objectContaining({
        raw: '400,000',
        current: true,
        amendment: { lockId: expect.stringMatching(/^PY1-/), reason: 'Accounting fix from IFCA' },
      }),
    );
  });

  it('lists the lock, refuses a second one, and a coordinator reopens it with a reason', async () => {
    const again = await api.call('POST', apiPaths.lockPeriod(PROJECT, 'P2'), {
      as: COORDINATOR,
      body: { deliverable: 'D4.3' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('period-locked');
    const byPartner = await api.call('POST', apiPaths.reopenPeriod(PROJECT, 'PY1'), {
      as: IFCA,
      body: { reason: 'typo' },
    });
    expect(byPartner.status).toBe(403);

    const reopened = await api.call('POST', apiPaths.reopenPeriod(PROJECT, 'PY1'), {
      as: COORDINATOR,
      body: { reason: 'The EC asked for a corrected D4.2' },
    });
    expect(reopened.status).toBe(200);
    expect((await post(IFCA, [cpuP2('400,000')])).status).toBe('accepted');
    const listed = await api.call('GET', apiPaths.locks(PROJECT), { as: IFCA });
    expect(listed.body.locks).toEqual([
      expect.objectContaining({
        windowId: 'PY1',
        deliverable: DELIVERABLE,
        lockedAt: '2023-10-30T08:00:00.000Z',
        reopenedBy: COORDINATOR,
        reopenedAt: '2023-12-01T08:00:00.000Z',
        reopenReason: 'The EC asked for a corrected D4.2',
      }),
    ]);
  });
});
