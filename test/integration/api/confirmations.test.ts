import { apiPaths } from '../../../functions/contract/contract';
import { COORDINATOR, IFCA, INCD, useApiServer } from './api-test-server';

const api = useApiServer();
const PROJECT = 'imagine';

/** The partner types ifca-cpu's P3 figures; the countries list names Spain twice: a warning, not an error. */
async function enterIfcaCpuP3(overrides: Record<string, string> = {}) {
  const raw: Record<string, string> = {
    'cpu-hours': '401,200',
    countries: 'ES, FR, ES',
    'country-count': '2',
    users: '35',
    ...overrides,
  };
  const posted = await api.call('POST', apiPaths.entries(PROJECT), {
    as: IFCA,
    body: {
      cells: Object.entries(raw).map(([metricId, value]) => ({
        installationId: 'ifca-cpu',
        metricId,
        periodId: 'P3',
        raw: value,
      })),
    },
  });
  expect(posted.status).toBe(200);
  return posted;
}

/** ifca-cpu's confirmation as GET .../status (the Status tab's source) reports it. */
async function statusConfirmation(period: string) {
  const status = await api.call('GET', apiPaths.status(PROJECT, period), { as: COORDINATOR });
  expect(status.status).toBe(200);
  return status.body.status.installations.find(
    (item: { installationId: string }) => item.installationId === 'ifca-cpu',
  )?.confirmation;
}

const preview = () => api.call('GET', apiPaths.confirmationPreview(PROJECT, 'ifca-cpu', 'P3'), { as: IFCA });

describe('partners confirm their figures (issue 19, item 2)', () => {
  beforeEach(async () => {
    await api.seedExample();
  }, 60_000);

  it('blocks while cells are empty or rejected, naming them, and records nothing', async () => {
    await api.call('POST', apiPaths.entries(PROJECT), {
      as: IFCA,
      body: {
        cells: [
          { installationId: 'ifca-cpu', metricId: 'cpu-hours', periodId: 'P3', raw: 'lots' },
          { installationId: 'ifca-cpu', metricId: 'users', periodId: 'P3', raw: '35' },
        ],
      },
    });
    const seen = await preview();
    expect(seen.status).toBe(200);
    expect(
      seen.body.blocking.map((cell: { metricId: string; reason: string }) => [cell.metricId, cell.reason]),
    ).toEqual([
      ['cpu-hours', 'rejected'],
      ['countries', 'empty'],
      ['country-count', 'empty'],
    ]);
    const refused = await api.call('POST', apiPaths.confirmations(PROJECT), {
      as: IFCA,
      body: { installationId: 'ifca-cpu', period: 'P3', versions: seen.body.versions },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('confirmation-blocked');
    expect(refused.body.message).toContain('CPU');
    expect(refused.body.details.map((cell: { metricId: string }) => cell.metricId)).toEqual([
      'cpu-hours',
      'countries',
      'country-count',
    ]);
    const listed = await api.call('GET', apiPaths.confirmations(PROJECT, 'P3'), { as: COORDINATOR });
    expect(listed.body.confirmations.every((item: { state: string }) => item.state === 'not-confirmed')).toBe(
      true,
    );
  });

  it('confirms IFCA-CSIC CPU for P3 with one warning justified; a later edit makes it stale; the PY2 report says who confirmed what', async () => {
    await enterIfcaCpuP3();
    const seen = await preview();
    expect(seen.body.blocking).toEqual([]);
    expect(seen.body.mayConfirm).toBe(true);
    expect(seen.body.warnings.map((warning: { metricId: string }) => warning.metricId)).toEqual([
      'countries',
    ]);
    expect(seen.body.totals.some((line: string) => line.endsWith(': 401,200'))).toBe(true);

    const body = { installationId: 'ifca-cpu', period: 'P3', versions: seen.body.versions };
    const unjustified = await api.call('POST', apiPaths.confirmations(PROJECT), { as: IFCA, body });
    expect(unjustified.status).toBe(409);
    expect(unjustified.body.code).toBe('justification-needed');
    expect(unjustified.body.message).toContain('countries');

    // Neither a coordinator nor another partner confirms in IFCA's name.
    for (const who of [COORDINATOR, INCD]) {
      const foreign = await api.call('POST', apiPaths.confirmations(PROJECT), {
        as: who,
        body: { ...body, justifications: { countries: 'Spain was typed twice' } },
      });
      expect(foreign.status).toBe(403);
    }

    const justification = 'Spain typed twice in the accounting export; counted once';
    const confirmed = await api.call('POST', apiPaths.confirmations(PROJECT), {
      as: IFCA,
      body: { ...body, justifications: { countries: justification } },
    });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.confirmation).toMatchObject({
      installationId: 'ifca-cpu',
      periodId: 'P3',
      state: 'confirmed',
      confirmedBy: IFCA,
      justifications: [{ metricId: 'countries', ruleIds: ['duplicate-country'], text: justification }],
    });

    const py2 = await api.call('GET', apiPaths.confirmations(PROJECT, 'PY2'), { as: COORDINATOR });
    const states = py2.body.confirmations.map(
      (item: { installationId: string; periodId: string; state: string }) =>
        `${item.installationId} ${item.periodId} ${item.state}`,
    );
    expect(states).toContain('ifca-cpu P3 confirmed');
    expect(states).toContain('ifca-cpu P4 not-confirmed');
    expect(states.filter((state: string) => state.endsWith(' confirmed'))).toEqual(['ifca-cpu P3 confirmed']);

    // The status (and so the Status tab) says the same, per installation.
    expect(await statusConfirmation('P3')).toEqual({
      status: 'confirmed',
      by: IFCA,
      at: confirmed.body.confirmation.confirmedAt,
    });
    expect(await statusConfirmation('PY2')).toEqual({ status: 'not-confirmed' });

    const report = await api.call('GET', apiPaths.report(PROJECT, 'PY2', 'md'), { as: COORDINATOR });
    expect(report.status).toBe(200);
    const ifcaSection = sectionOf(report.body, 'IFCA-CSIC Scientific Cloud – CPU');
    expect(ifcaSection).toMatch(
      /P3 figures confirmed by partner@ifca\.example\.org on \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
    );
    expect(ifcaSection).toContain(justification);
    expect(ifcaSection).toContain('P4 figures: not confirmed.');
    expect(sectionOf(report.body, 'INCD – CPU')).toContain('P3 figures: not confirmed.');

    // A later edit of a covered cell: the confirmation no longer stands, and everyone sees it.
    await enterIfcaCpuP3({ users: '36' });
    const after = await api.call('GET', apiPaths.confirmations(PROJECT, 'P3'), { as: IFCA });
    const ifca = after.body.confirmations.find(
      (item: { installationId: string }) => item.installationId === 'ifca-cpu',
    );
    expect(ifca).toMatchObject({
      state: 'stale',
      confirmedBy: IFCA,
      changedMetrics: expect.arrayContaining(['users']),
    });
    expect(await statusConfirmation('P3')).toMatchObject({ status: 'stale', by: IFCA });
    const stalePreview = await preview();
    expect(stalePreview.body.current.state).toBe('stale');
    const reportAfter = await api.call('GET', apiPaths.report(PROJECT, 'PY2', 'md'), { as: COORDINATOR });
    expect(sectionOf(reportAfter.body, 'IFCA-CSIC Scientific Cloud – CPU')).toContain('is stale');
  });

  it('refuses versions the partner did not see, and a year instead of a period', async () => {
    await enterIfcaCpuP3();
    const seen = await preview();
    await enterIfcaCpuP3({ 'cpu-hours': '401,300' });
    const moved = await api.call('POST', apiPaths.confirmations(PROJECT), {
      as: IFCA,
      body: {
        installationId: 'ifca-cpu',
        period: 'P3',
        versions: seen.body.versions,
        justifications: { countries: 'typed twice' },
      },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.code).toBe('figures-changed');
    expect(moved.body.message).toContain('cpu-hours');
    // No way to confirm on someone's behalf: the body takes no actingFor.
    const onBehalf = await api.call('POST', apiPaths.confirmations(PROJECT), {
      as: COORDINATOR,
      body: {
        installationId: 'ifca-cpu',
        period: 'P3',
        versions: seen.body.versions,
        actingFor: { editor: IFCA, via: 'document-trigger' },
      },
    });
    expect(onBehalf.status).toBe(400);
    const year = await api.call('GET', apiPaths.confirmationPreview(PROJECT, 'ifca-cpu', 'PY2'), {
      as: IFCA,
    });
    expect(year.status).toBe(400);
  });
});

/** The Markdown of one installation's section, up to the next installation heading. */
function sectionOf(markdown: string, name: string): string {
  const start = markdown.search(new RegExp(`^### \\d+\\.\\d+ ${name}$`, 'm'));
  expect(start).toBeGreaterThan(-1);
  const next = markdown.indexOf('\n### ', start + 4);
  return markdown.slice(start, next === -1 ? undefined : next);
}
