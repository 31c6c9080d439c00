import { DateTime } from 'luxon';
import type { PeriodId } from '../../../functions/domain/calendar/reporting-period';
import { parseWindow } from '../../../functions/domain/calendar/reporting-window';
import { type ProjectConfig, projectConfigSchema } from '../../../functions/domain/config';
import type { EntryValue } from '../../../functions/domain/entries/entry';
import type { MetricValue } from '../../../functions/domain/entries/metric-value';
import type { InstallationSummary, MetricSummary, WindowSummary } from '../../../functions/domain/summary';
import { summarize } from '../../../functions/domain/summary/summarize';
import { countries, entry, number } from '../../fixtures/imagine-values';

/** Two CPU providers on one budget, a GPU budget nothing counts toward, and storage outside any budget. */
const config: ProjectConfig = projectConfigSchema.parse({
  project: {
    id: 'mini',
    title: 'Mini',
    startDate: '2024-01-01',
    durationMonths: 24,
    periodMonths: 6,
    timeZone: 'Europe/Madrid',
    coordinators: ['coordinator@mini.example.org'],
    budgets: [
      { id: 'cpu-hours', label: 'CPU-hours', unit: 'CPU-hours', amount: 1200 },
      { id: 'gpu-hours', label: 'GPU-hours', unit: 'GPU-hours', amount: 600 },
    ],
    budgetGroups: [{ id: 'compute', label: 'CPU and GPU-hours', budgetIds: ['cpu-hours', 'gpu-hours'] }],
  },
  installations: [
    {
      id: 'alpha',
      name: 'Alpha – CPU',
      task: 'T1',
      role: 'infrastructure',
      resourceKind: 'cpu',
      editors: ['ana@alpha.example.org', 'bo@shared.example.org'],
      metrics: [
        {
          id: 'cpu-hours',
          label: 'CPU-hours served',
          kind: 'hours',
          unit: 'CPU-hours',
          baseline: 1200,
          aggregation: 'sum',
          countsToward: 'cpu-hours',
        },
        {
          id: 'users',
          label: 'Number of users',
          kind: 'count',
          unit: 'users',
          baseline: '> 10',
          baselineSpan: 'period',
          aggregation: 'max',
        },
        {
          id: 'countries',
          label: 'Countries',
          kind: 'country-list',
          unit: 'countries',
          baseline: 'ES, PT',
          baselineSpan: 'period',
          aggregation: 'union',
        },
        {
          id: 'country-count',
          label: 'Number of countries',
          kind: 'country-count',
          unit: 'countries',
          baseline: 2,
          baselineSpan: 'period',
          aggregation: 'max',
          countOf: 'countries',
        },
      ],
    },
    {
      id: 'beta',
      name: 'Beta – CPU',
      task: 'T1',
      role: 'infrastructure',
      resourceKind: 'cpu',
      editors: ['bo@shared.example.org'],
      metrics: [
        {
          id: 'cpu-hours',
          label: 'CPU-hours served',
          kind: 'hours',
          unit: 'CPU-hours',
          baseline: 600,
          aggregation: 'sum',
          countsToward: 'cpu-hours',
        },
        {
          id: 'users',
          label: 'Number of users',
          kind: 'count',
          unit: 'users',
          baseline: 5,
          baselineSpan: 'period',
          aggregation: 'max',
        },
      ],
    },
    {
      id: 'gamma',
      name: 'Gamma – Storage',
      task: 'T2',
      role: 'infrastructure',
      resourceKind: 'storage',
      metrics: [
        {
          id: 'tb',
          label: 'TB-month served',
          kind: 'tb-month',
          unit: 'TB-month',
          baseline: 10,
          aggregation: 'sum',
        },
      ],
    },
  ],
});

type Cell = [installationId: string, metricId: string, periodId: PeriodId, value: MetricValue];
const values = (...cells: Cell[]): EntryValue[] => cells.map((cell) => entry(...cell));

/** Everything entered for P1–P3: alpha busy and growing, beta idle, gamma a little storage. */
const FULL: Cell[] = [
  ['alpha', 'cpu-hours', 'P1', number(100)],
  ['alpha', 'cpu-hours', 'P2', number(200)],
  ['alpha', 'cpu-hours', 'P3', number(150)],
  ['alpha', 'users', 'P1', number(8)],
  ['alpha', 'users', 'P2', number(11)],
  ['alpha', 'users', 'P3', number(10)],
  ['alpha', 'countries', 'P1', countries('ES')],
  ['alpha', 'countries', 'P2', countries('ES, FR')],
  ['alpha', 'countries', 'P3', countries('IT')],
  ['alpha', 'country-count', 'P1', number(1)],
  ['alpha', 'country-count', 'P2', number(2)],
  ['alpha', 'country-count', 'P3', number(1)],
  ['beta', 'cpu-hours', 'P1', number(0)],
  ['beta', 'cpu-hours', 'P2', number(0)],
  ['beta', 'cpu-hours', 'P3', number(0)],
  ['beta', 'users', 'P1', number(0)],
  ['beta', 'users', 'P2', number(0)],
  ['beta', 'users', 'P3', number(0)],
  ['gamma', 'tb', 'P1', number(0.1)],
  ['gamma', 'tb', 'P2', number(0.2)],
  ['gamma', 'tb', 'P3', number(0)],
];
const without = (...keys: [string, string, PeriodId][]) =>
  FULL.filter(
    ([installation, metric, period]) =>
      !keys.some(([i, m, p]) => i === installation && m === metric && p === period),
  );

const endOfProject = DateTime.fromISO('2026-02-01T00:00:00', { zone: 'Europe/Madrid' });
const run = (window: string, cells: Cell[], now = endOfProject): WindowSummary =>
  summarize(config, values(...cells), parseWindow(config.project, window), now);

function installation(summary: WindowSummary, id: string): InstallationSummary {
  const found = summary.installations.find((candidate) => candidate.installationId === id);
  if (found === undefined) throw new Error(`no installation ${id}`);
  return found;
}
function metric(summary: WindowSummary, installationId: string, metricId: string): MetricSummary {
  const found = installation(summary, installationId).metrics.find(
    (candidate) => candidate.metricId === metricId,
  );
  if (found === undefined) throw new Error(`no metric ${metricId}`);
  return found;
}

describe('summarize: edge cases a coordinator meets', () => {
  it('reports an installation with all usage at 0 as not used, and one with usage as used', () => {
    const summary = run('P2', FULL);
    expect(installation(summary, 'beta').usage).toBe('not-used');
    expect(installation(summary, 'alpha').usage).toBe('used');
    expect(installation(summary, 'gamma').usage).toBe('used');
  });

  it('cannot tell whether an idle installation was used while its hours are missing', () => {
    const summary = run('P2', without(['beta', 'cpu-hours', 'P2']));
    expect(installation(summary, 'beta').usage).toBe('unknown');
    expect(installation(summary, 'beta').missingCount).toBe(1);
  });

  it('lists each missing cell with who should enter it, and the % complete', () => {
    const summary = run('P2', without(['beta', 'cpu-hours', 'P2'], ['alpha', 'users', 'P2']));
    expect(summary.completeness.expected).toBe(7);
    expect(summary.completeness.present).toBe(5);
    expect(Math.round(summary.completeness.percentComplete)).toBe(71);
    expect(summary.completeness.missing).toEqual([
      expect.objectContaining({
        installationId: 'alpha',
        metricId: 'users',
        periodId: 'P2',
        periodLabel: 'M07–M12',
        editors: ['ana@alpha.example.org', 'bo@shared.example.org'],
        due: true,
      }),
      expect.objectContaining({
        installationId: 'beta',
        metricId: 'cpu-hours',
        periodId: 'P2',
        metricLabel: 'CPU-hours served',
        editors: ['bo@shared.example.org'],
        due: true,
      }),
    ]);
    expect(summary.completeness.byEditor).toEqual([
      { editor: 'ana@alpha.example.org', missing: 1 },
      { editor: 'bo@shared.example.org', missing: 2 },
    ]);
  });

  it('marks a missing value of a period still running as not yet due', () => {
    const midP2 = DateTime.fromISO('2024-09-15T12:00:00', { zone: 'Europe/Madrid' });
    const summary = run('PY1', without(['alpha', 'users', 'P1'], ['alpha', 'users', 'P2']), midP2);
    expect(summary.completeness.missing.map((item) => [item.periodId, item.due])).toEqual([
      ['P1', true],
      ['P2', false],
    ]);
  });

  it('treats a missing budget value as a lower bound, not as zero usage', () => {
    const summary = run('P2', without(['alpha', 'cpu-hours', 'P1']));
    const cpu = summary.budgets.find((budget) => budget.id === 'cpu-hours');
    expect(cpu).toMatchObject({ usedInWindow: 200, usedCumulative: 200, complete: false });
    expect(cpu?.contributions.find((item) => item.installationId === 'alpha')?.missingPeriods).toEqual([
      'P1',
    ]);
  });

  it('keeps a budget no metric counts toward at 0 used, flagged as not measured', () => {
    const gpu = run('P2', FULL).budgets.find((budget) => budget.id === 'gpu-hours');
    expect(gpu).toMatchObject({
      hasMetrics: false,
      usedCumulative: 0,
      availablePercent: 100,
      contributions: [],
    });
  });

  it('adds the members of a budget group, and units that differ are named together', () => {
    const compute = run('P2', FULL).budgetGroups[0];
    expect(compute).toMatchObject({
      amount: 1800,
      usedInWindow: 200,
      usedCumulative: 300,
      unit: 'CPU-hours + GPU-hours',
    });
  });

  it('leaves metrics that count toward no budget (storage here) out of the budgets', () => {
    const contributors = run('P2', FULL).budgets.flatMap((budget) =>
      budget.contributions.map((item) => item.installationId),
    );
    expect(contributors).not.toContain('gamma');
  });

  it('has no previous period to compare P1 with', () => {
    const trend = metric(run('P1', FULL), 'alpha', 'cpu-hours').trend;
    expect(trend).toMatchObject({
      direction: 'unknown',
      reason: 'first-period',
      from: null,
      to: { periodId: 'P1', value: 100 },
    });
  });

  it('sums a cumulative window from the start and compares its last period with the one before', () => {
    const summary = run('CUM-P3', FULL);
    expect(summary.window).toMatchObject({
      id: 'CUM-P3',
      months: 18,
      startDate: '2024-01-01',
      endDate: '2025-06-30',
    });
    const cpu = summary.budgets.find((budget) => budget.id === 'cpu-hours');
    expect(cpu).toMatchObject({
      usedInWindow: 450,
      usedCumulative: 450,
      monthsElapsed: 18,
      monthsRemaining: 6,
    });
    expect(cpu?.elapsedShare).toBe(0.75);
    expect(cpu?.pace).toBe('behind');
    expect(cpu?.projectedAtEnd).toBe(600);
    expect(metric(summary, 'alpha', 'cpu-hours').trend).toMatchObject({
      direction: 'down',
      from: { periodId: 'P2' },
      to: { periodId: 'P3' },
    });
    expect(metric(summary, 'gamma', 'tb').aggregate).toEqual(number(0.3));
  });

  it('calls a budget used faster than time passes "ahead"', () => {
    const busy: Cell[] = [['alpha', 'cpu-hours', 'P1', number(600)]];
    const cpu = run('P1', busy).budgets.find((budget) => budget.id === 'cpu-hours');
    expect(cpu).toMatchObject({
      usedShare: 0.5,
      elapsedShare: 0.25,
      pace: 'ahead',
      projectedAtEnd: 2400,
      projectedPercent: 200,
    });
  });

  it('honours a "> 10" users baseline: 11 is above it, and users take the largest period', () => {
    const users = metric(run('PY1', FULL), 'alpha', 'users');
    expect(users.aggregate).toEqual(number(11));
    expect(users.attainment).toMatchObject({ comparator: '>', target: 10, met: true, standing: 'above' });
  });

  it('counts countries as the union of the lists over the window, and falls back to the largest count without lists', () => {
    const summary = run('CUM-P3', FULL);
    expect(installation(summary, 'alpha').countries).toMatchObject({ codes: ['ES', 'FR', 'IT'], count: 3 });
    expect(metric(summary, 'alpha', 'country-count').aggregate).toEqual(number(3));
    const noLists = run('CUM-P3', without(['alpha', 'countries', 'P2']));
    expect(metric(noLists, 'alpha', 'country-count')).toMatchObject({
      aggregate: number(2),
      aggregateBasis: 'max',
    });
  });

  it('unites countries across installations, and leaves out installations without a country list', () => {
    const summary = run('PY1', FULL);
    expect(summary.countries.perInstallation.map((item) => item.installationId)).toEqual(['alpha']);
    expect(installation(summary, 'beta').countries).toBeNull();
    expect(summary.countries.perPeriod).toEqual([
      { periodId: 'P1', label: 'M01–M06', codes: ['ES'] },
      { periodId: 'P2', label: 'M07–M12', codes: ['ES', 'FR'] },
    ]);
  });

  it('has no users lower bound when no users figure was entered', () => {
    const summary = run('P2', without(['alpha', 'users', 'P2'], ['beta', 'users', 'P2']));
    expect(summary.users.lowerBound).toBeNull();
    expect(summary.users.perInstallation.map((figure) => figure.value)).toEqual([null, null]);
  });

  it('ignores values of installations or metrics the configuration does not know', () => {
    const summary = summarize(
      config,
      [
        ...values(...FULL),
        entry('ghost', 'cpu-hours', 'P2', number(999)),
        entry('alpha', 'ghost', 'P2', number(1)),
      ],
      parseWindow(config.project, 'P2'),
      endOfProject,
    );
    expect(summary.budgets[0]?.usedInWindow).toBe(200);
    expect(summary.completeness.expected).toBe(7);
  });

  it('takes the later of two values for the same cell', () => {
    const summary = summarize(
      config,
      [...values(...FULL), entry('alpha', 'cpu-hours', 'P2', number(250))],
      parseWindow(config.project, 'P2'),
      endOfProject,
    );
    expect(metric(summary, 'alpha', 'cpu-hours').aggregate).toEqual(number(250));
  });

  it('reads comparator and list baselines through parseBaseline, and quotes them as typed', () => {
    const users = metric(run('P2', FULL), 'alpha', 'users');
    expect(users).toMatchObject({
      baselineAsTyped: '> 10',
      baselineStatus: 'parsed',
      baseline: { type: 'number', value: 10, comparator: '>' },
    });
    expect(metric(run('P2', FULL), 'alpha', 'countries').baseline).toEqual(countries('ES, PT'));
  });
});
