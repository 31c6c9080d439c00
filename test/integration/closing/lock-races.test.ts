import type { DateTime } from 'luxon';
import { apiPaths } from '../../../functions/contract/contract';
import { COORDINATOR, IFCA, NOW, useApiServer } from '../api/api-test-server';
import { beforeSending } from '../support/fault-injection';

/**
 * A lock or a reopen landing between a partner's read and their write: the submission's transaction
 * checks the project's count of lock changes it was validated with, so the edit is validated again
 * under the new state instead of landing under the old one.
 */
const PROJECT = 'imagine';
let clock: DateTime = NOW;
const api = useApiServer({ overrides: () => ({ doc: api.harness.doc, now: () => clock }) });

const cpuP2 = { installationId: 'ifca-cpu', metricId: 'cpu-hours', periodId: 'P2', raw: '400,000' };

async function lockPy1(): Promise<void> {
  const locked = await api.call('POST', apiPaths.lockPeriod(PROJECT, 'PY1'), {
    as: COORDINATOR,
    body: { deliverable: 'D4.2, submitted 2023-10-30' },
  });
  expect(locked.status).toBe(200);
}

async function historyOfCpuP2() {
  const read = await api.call('GET', apiPaths.history(PROJECT, 'ifca-cpu', 'cpu-hours', 'P2'), { as: IFCA });
  return (read.body.items as { raw: string; status: string; current: boolean }[]).map(
    ({ raw, status, current }) => ({ raw, status, current }),
  );
}

describe('locks racing an edit', () => {
  beforeEach(async () => {
    clock = NOW;
    await api.seedExample();
    clock = NOW.plus({ days: 28 });
  }, 60_000);

  it('refuses an edit of P2 whose transaction comes after PY1 was locked, though it was read before', async () => {
    const race = beforeSending(api.harness.doc, 'TransactWriteItemsCommand', 1, lockPy1);
    const posted = await api.call('POST', apiPaths.entries(PROJECT), { as: IFCA, body: { cells: [cpuP2] } });
    race.remove();

    expect(race.injected).toBe(1);
    expect(posted.status).toBe(200);
    expect(posted.body.outcomes[0]).toMatchObject({
      status: 'rejected',
      issues: [{ ruleId: 'period-locked' }],
    });
    expect(await historyOfCpuP2()).toEqual([
      { raw: '393,888', status: 'accepted', current: true },
      { raw: '400,000', status: 'rejected', current: false },
    ]);
  });

  it('takes an edit of P2 whose transaction comes after PY1 was reopened, though it was read locked', async () => {
    await lockPy1();
    const reopen = async () => {
      const reopened = await api.call('POST', apiPaths.reopenPeriod(PROJECT, 'PY1'), {
        as: COORDINATOR,
        body: { reason: 'the EC asked for corrected figures' },
      });
      expect(reopened.status).toBe(200);
    };
    const race = beforeSending(api.harness.doc, 'TransactWriteItemsCommand', 1, reopen);
    const posted = await api.call('POST', apiPaths.entries(PROJECT), { as: IFCA, body: { cells: [cpuP2] } });
    race.remove();

    expect(race.injected).toBe(1);
    expect(posted.body.outcomes[0]).toMatchObject({ status: 'accepted' });
    expect(await historyOfCpuP2()).toEqual([
      { raw: '393,888', status: 'accepted', current: false },
      { raw: '400,000', status: 'accepted', current: true },
    ]);
  });
});
