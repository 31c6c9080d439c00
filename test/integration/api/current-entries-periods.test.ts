import { apiPaths, MAX_PERIODS_PER_REQUEST } from '../../../functions/contract/contract';
import { COORDINATOR, EXAMPLE, IFCA, useApiServer } from './api-test-server';

const api = useApiServer();
const PROJECT = 'imagine';

const cell = (metricId: string, periodId: string, raw: unknown) => ({
  installationId: 'ifca-cpu',
  metricId,
  periodId,
  raw,
});

const periodsQuery = (query: string) => `${apiPaths.entries(PROJECT)}?${query}`;

describe('GET entries?periods=: several periods in one request', () => {
  beforeEach(async () => {
    const put = await api.call('PUT', apiPaths.config(PROJECT), {
      as: COORDINATOR,
      body: EXAMPLE.configBody,
    });
    expect(put.status).toBe(201);
  });

  it('answers each period as ?period= would, in the order asked, a repeated one once', async () => {
    const posted = await api.call('POST', apiPaths.entries(PROJECT), {
      as: IFCA,
      body: {
        cells: [
          cell('cpu-hours', 'P1', '94,656'),
          cell('countries', 'P2', 'ES'),
          cell('countries', 'P2', 'FR, SP'),
          cell('cpu-hours', 'P3', 'FR, SP'),
        ],
      },
    });
    expect(posted.body.outcomes.map((outcome: { status: string }) => outcome.status)).toEqual([
      'accepted',
      'accepted',
      'rejected',
      'rejected',
    ]);

    const answer = await api.call(
      'GET',
      apiPaths.currentEntriesOfPeriods(PROJECT, ['P3', 'p1', 'P2', 'P4', 'P1']),
      { as: IFCA },
    );
    expect(answer.status).toBe(200);
    const one = async (periodId: string) =>
      (await api.call('GET', apiPaths.currentEntries(PROJECT, periodId), { as: IFCA })).body;
    expect(answer.body.periods).toEqual([await one('P3'), await one('P1'), await one('P2'), await one('P4')]);
    // Not vacuous: each period carries its own cells only.
    const [p3, p1, p2, p4] = answer.body.periods;
    expect(p3.unstored.map((item: { metricId: string }) => item.metricId)).toEqual(['cpu-hours']);
    expect(p1.entries.map((entry: { raw: unknown }) => entry.raw)).toEqual(['94,656']);
    expect(p2.entries).toEqual([
      expect.objectContaining({
        metricId: 'countries',
        raw: 'ES',
        latest: expect.objectContaining({ raw: 'FR, SP' }),
      }),
    ]);
    expect(p4).toEqual({ periodId: 'P4', entries: [], unstored: [] });
  });

  it.each([
    ['P1,PY1,P2', 'invalid-request', 'periods[1]: "PY1" is not a period id'],
    ['P1,,P2', 'invalid-request', 'periods[1]: "" is not a period id'],
    ['P1,P9', 'invalid-period', 'Unknown period "P9": expected a period between P1 and P6'],
  ])('refuses ?periods=%s naming the bad id', async (periods, code, message) => {
    const answer = await api.call('GET', periodsQuery(`periods=${periods}`), { as: IFCA });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(code);
    expect(answer.body.message).toContain(message);
  });

  it('refuses a list longer than one request may ask for, and ?period= beside ?periods=', async () => {
    const many = Array.from({ length: MAX_PERIODS_PER_REQUEST + 1 }, () => 'P1');
    const tooMany = await api.call('GET', apiPaths.currentEntriesOfPeriods(PROJECT, many), { as: IFCA });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toContain(`at most ${MAX_PERIODS_PER_REQUEST} periods in one request`);

    const both = await api.call('GET', periodsQuery('period=P1&periods=P1,P2'), { as: IFCA });
    expect(both.status).toBe(400);
    expect(both.body.message).toContain('give either ?period= or ?periods=, not both');
  });

  it('refuses outsiders', async () => {
    const answer = await api.call('GET', apiPaths.currentEntriesOfPeriods(PROJECT, ['P1', 'P2']), {
      as: 'x@example.org',
    });
    expect(answer.status).toBe(403);
  });
});
