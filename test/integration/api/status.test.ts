import type { RemindersResponse, StatusResponse } from '../../../functions/contract/status-contract';
import type { PeriodStatus } from '../../../functions/domain/completeness/period-status';
import { COORDINATOR, EXAMPLE, IFCA, INCD, useApiServer } from './api-test-server';

const api = useApiServer();
const base = '/v1/projects/imagine';
const cell = (installationId: string, metricId: string, raw: unknown) => ({
  installationId,
  metricId,
  periodId: 'P3',
  raw,
});

describe('GET /v1/projects/{id}/status?period=P3', () => {
  beforeEach(async () => {
    expect(
      (await api.call('PUT', `${base}/config`, { as: COORDINATOR, body: EXAMPLE.configBody })).status,
    ).toBe(201);
    const posted = await api.call('POST', `${base}/entries`, {
      as: IFCA,
      body: {
        cells: [
          cell('ifca-cpu', 'cpu-hours', '120,000'),
          cell('ifca-cpu', 'countries', 'ES, PT'),
          cell('ifca-cpu', 'country-count', 2),
          cell('ifca-cpu', 'users', 18),
          cell('ifca-gpu', 'gpu-hours', 'lots'),
          cell('ifca-gpu', 'users', 12),
          // A value cleared after being typed is owed again.
          cell('ifca-gpu', 'countries', 'ES'),
        ],
      },
    });
    expect(posted.status).toBe(200);
    const cleared = await api.call('POST', `${base}/entries`, {
      as: IFCA,
      body: { cells: [cell('ifca-gpu', 'countries', '')] },
    });
    expect(cleared.status).toBe(200);
  });

  it('answers the coordinator the stored cells by state, worst installation first, with the owed cells and why', async () => {
    const result = await api.call('GET', `${base}/status?period=P3`, { as: COORDINATOR });
    expect(result.status).toBe(200);
    const body = result.body as StatusResponse;
    const status = body.status as PeriodStatus;
    expect(body.windowId).toBe('P3');
    expect(body.headline).toBe(
      'P3 (M13–M18): 5 of 45 values in (11%); 39 empty, 1 rejected, 0 with a warning to look at.',
    );
    expect(body.yours).toEqual([]);
    expect(status.installations.at(-1)).toMatchObject({
      installationId: 'ifca-cpu',
      percentComplete: 100,
      owed: [],
      lastEdit: { editor: IFCA },
      confirmation: { status: 'not-confirmed' },
    });
    const gpu = status.installations.find((installation) => installation.installationId === 'ifca-gpu');
    expect(gpu).toMatchObject({ accepted: 1, rejected: 1, empty: 2 });
    expect(gpu?.owed.map((owed) => [owed.metricId, owed.state])).toEqual([
      ['gpu-hours', 'rejected'],
      ['countries', 'empty'],
      ['country-count', 'empty'],
    ]);
    expect(gpu?.owed[0]?.reason).toContain('lots');
  });

  it('answers a partner the same status, naming their own installations', async () => {
    const coordinator = await api.call('GET', `${base}/status?period=P3`, { as: COORDINATOR });
    const partner = await api.call('GET', `${base}/status?period=P3`, { as: IFCA });
    expect(partner.status).toBe(200);
    expect(partner.body.yours).toEqual(['ifca-cpu', 'ifca-gpu', 'ifca-storage']);
    expect(partner.body.status).toEqual(coordinator.body.status);
    const incd = await api.call('GET', `${base}/status?period=P3`, { as: INCD });
    expect(incd.body.yours).toEqual(['incd-cpu', 'incd-gpu', 'incd-storage']);
  });

  it('refuses someone outside the project (403) and a window outside it by name (400)', async () => {
    const outsider = await api.call('GET', `${base}/status?period=P3`, {
      as: 'stranger@elsewhere.example.org',
    });
    expect(outsider.status).toBe(403);
    const badWindow = await api.call('GET', `${base}/status?period=P99`, { as: COORDINATOR });
    expect(badWindow.status).toBe(400);
    expect(badWindow.body.message).toContain('P99');
  });

  it('counts a project year over both of its periods', async () => {
    const result = await api.call('GET', `${base}/status?period=PY2`, { as: COORDINATOR });
    expect(result.status).toBe(200);
    expect((result.body.status as PeriodStatus).expected).toBe(90);
  });
});

describe('GET /v1/projects/{id}/reminders?period=P3&deadline=…', () => {
  beforeEach(async () => {
    expect(
      (await api.call('PUT', `${base}/config`, { as: COORDINATOR, body: EXAMPLE.configBody })).status,
    ).toBe(201);
    const posted = await api.call('POST', `${base}/entries`, {
      as: IFCA,
      body: {
        cells: [
          ...['cpu-hours', 'countries', 'country-count', 'users'].map((metricId, index) =>
            cell('ifca-cpu', metricId, ['120,000', 'ES, PT', 2, 18][index]),
          ),
          ...['gpu-hours', 'countries', 'country-count', 'users'].map((metricId, index) =>
            cell('ifca-gpu', metricId, ['lots', 'ES', 1, 4][index]),
          ),
          ...['storage-tb-month', 'countries', 'country-count', 'users'].map((metricId, index) =>
            cell('ifca-storage', metricId, [12, 'ES', 1, 4][index]),
          ),
        ],
      },
    });
    expect(posted.status).toBe(200);
  });

  it('prepares one message per editor who owes cells, each listing their cells and the reason, with the deadline', async () => {
    const deadline = '15 March 2024';
    const result = await api.call(
      'GET',
      `${base}/reminders?period=P3&deadline=${encodeURIComponent(deadline)}`,
      {
        as: COORDINATOR,
      },
    );
    expect(result.status).toBe(200);
    const { messages } = result.body as RemindersResponse;
    // IFCA owes one refused value; every other editor owes every cell; nobody gets two messages.
    expect(messages.map((message) => message.to).sort()).toEqual([
      'partner@ifca.example.org',
      'partner@incd.example.org',
      'partner@platform.example.org',
      'partner@ulakbim.example.org',
      'partner@walton.example.org',
    ]);
    const ifca = messages.find((message) => message.to === IFCA);
    expect(ifca).toMatchObject({ installationIds: ['ifca-gpu'], cells: 1 });
    expect(ifca?.body).toMatch(/GPU node\/hours served over the period, P3 \(M13–M18\): refused\. .*"lots"/);
    expect(ifca?.body).toContain(`by ${deadline}`);
    const incd = messages.find((message) => message.to === INCD);
    expect(incd).toMatchObject({ installationIds: ['incd-cpu', 'incd-gpu', 'incd-storage'], cells: 12 });
  });

  it('reminds nobody of a locked period, and says its cells are closed', async () => {
    const locked = await api.call('POST', `${base}/locks?period=P3`, {
      as: COORDINATOR,
      body: { deliverable: 'D4.3, submitted 2024-04-30' },
    });
    expect(locked.status).toBe(200);
    const closedSentence = `P3 locked since ${locked.body.lockedAt} for D4.3, submitted 2024-04-30: its cells are closed.`;

    const p3 = await api.call('GET', `${base}/reminders?period=P3&deadline=tomorrow`, { as: COORDINATOR });
    expect(p3.status).toBe(200);
    expect((p3.body as RemindersResponse).messages).toEqual([]);
    expect((p3.body as RemindersResponse).headline).toContain(closedSentence);

    // PY2 is P3 and P4: only P4's cells are still owed, so IFCA (whose P3 value was refused) owes P4 only.
    const py2 = await api.call('GET', `${base}/reminders?period=PY2&deadline=tomorrow`, { as: COORDINATOR });
    const messages = (py2.body as RemindersResponse).messages;
    expect(messages.every((message) => !message.body.includes('P3 (M13–M18)'))).toBe(true);
    expect(messages.find((message) => message.to === INCD)).toMatchObject({ cells: 12 });
    expect(messages.find((message) => message.to === IFCA)?.body).toContain('P4 (M19–M24): empty');

    const status = await api.call('GET', `${base}/status?period=PY2`, { as: COORDINATOR });
    expect((status.body as StatusResponse).headline).toContain(closedSentence);
  });

  it('is for coordinators only, and wants a deadline', async () => {
    const partner = await api.call('GET', `${base}/reminders?period=P3&deadline=tomorrow`, { as: IFCA });
    expect(partner.status).toBe(403);
    const noDeadline = await api.call('GET', `${base}/reminders?period=P3`, { as: COORDINATOR });
    expect(noDeadline.status).toBe(400);
    expect(noDeadline.body.message).toContain('deadline');
  });
});
