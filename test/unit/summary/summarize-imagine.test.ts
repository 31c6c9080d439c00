import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { parseWindow } from '../../../functions/domain/calendar/reporting-window';
import { acceptedValues } from '../../../functions/domain/entries/accepted-values';
import { parseMetricsTable } from '../../../functions/domain/import/metrics-table';
import type { BudgetUsage, MetricSummary, WindowSummary } from '../../../functions/domain/summary';
import { summarize } from '../../../functions/domain/summary/summarize';
import { validateEntries } from '../../../functions/domain/validation/validate-entries';
import { imagineConfig, imagineValues } from '../../fixtures/imagine-values';

const config = imagineConfig();
const now = DateTime.fromISO('2023-10-15T09:00:00', { zone: 'Europe/Amsterdam' });
const en = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });

/** The example's metrics.csv through the real import and validation, as the CLI reads it. */
function exampleValues() {
  const csv = readFileSync(
    join(__dirname, '..', '..', '..', 'examples', 'imagine-py1', 'metrics.csv'),
    'utf8',
  );
  const entries = parseMetricsTable(csv, config, 'metrics.csv');
  return acceptedValues(entries, validateEntries(entries, { config, now }));
}

function summaryFor(window: string): WindowSummary {
  return summarize(config, exampleValues(), parseWindow(config.project, window), now);
}

function budget(list: readonly BudgetUsage[], id: string): BudgetUsage {
  const found = list.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no budget ${id}`);
  return found;
}

function metric(summary: WindowSummary, installationId: string, metricId: string): MetricSummary {
  const found = summary.installations
    .find((installation) => installation.installationId === installationId)
    ?.metrics.find((candidate) => candidate.metricId === metricId);
  if (found === undefined) throw new Error(`no metric ${installationId}/${metricId}`);
  return found;
}

describe('summarize: the seed (iMagine D4.2), PY1', () => {
  const summary = summaryFor('PY1');

  it('reads the example CSV to the same values as the inline fixture', () => {
    const byKey = (values: ReturnType<typeof imagineValues>) =>
      Object.fromEntries(
        values.map((value) => [`${value.installationId}/${value.metricId}/${value.periodId}`, value.value]),
      );
    expect(byKey(exampleValues())).toEqual(byKey(imagineValues()));
  });

  it.each([
    ['cpu-hours', '662,547', '662,547'],
    ['gpu-hours', '14,400', '14,400'],
    ['storage-tb-month', '33.4', '33.4'],
  ])('delivers %s: %s in the year, %s since the start', (id, inWindow, cumulative) => {
    const usage = budget(summary.budgets, id);
    expect(en.format(usage.usedInWindow)).toBe(inWindow);
    expect(en.format(usage.usedCumulative)).toBe(cumulative);
    expect(usage.complete).toBe(true);
  });

  it('adds 30 + 3.4 TB-month to exactly 33.4, not 33.400000000000006', () => {
    expect(budget(summary.budgets, 'storage-tb-month').usedInWindow).toBe(33.4);
    expect(String(budget(summary.budgetGroups, 'storage').usedCumulative)).toBe('33.4');
  });

  it('adds CPU-hours across installations and periods: IFCA 94,656 + 393,888 and INCD 174,003', () => {
    const cpu = budget(summary.budgets, 'cpu-hours');
    const byInstallation = Object.fromEntries(
      cpu.contributions.map((item) => [item.installationId, item.inWindow]),
    );
    expect(byInstallation).toEqual({ 'ifca-cpu': 488544, 'incd-cpu': 174003, 'walton-cpu': 0 });
  });

  it('leaves the platform training hours (no countsToward) out of every budget', () => {
    const contributors = [...summary.budgets, ...summary.budgetGroups].flatMap((usage) =>
      usage.contributions.map((item) => item.installationId),
    );
    expect(contributors).not.toContain('ai-development');
    expect(contributors).not.toContain('ai-as-a-service');
  });

  it('leaves 89% of the budgeted CPU and GPU-hours and 98% of the storage available', () => {
    const compute = budget(summary.budgetGroups, 'compute');
    expect(compute.amount).toBe(6132000);
    expect(compute.usedCumulative).toBe(676947);
    expect(Math.round(compute.availablePercent)).toBe(89);
    expect(Math.round(budget(summary.budgetGroups, 'storage').availablePercent)).toBe(98);
  });

  it('compares use with elapsed time: a third of the project gone, 11% of compute used, so behind', () => {
    const compute = budget(summary.budgetGroups, 'compute');
    expect(compute.monthsElapsed).toBe(12);
    expect(compute.elapsedShare).toBeCloseTo(1 / 3);
    expect(Math.round(compute.usedPercent)).toBe(11);
    expect(compute.pace).toBe('behind');
    expect(compute.projectedAtEnd).toBeCloseTo((676947 / 12) * 36);
    expect(Math.round(compute.projectedPercent)).toBe(33);
  });

  it('reaches 9 countries for the AI development service: the union of P1 (6) and P2 (7)', () => {
    const development = summary.countries.perInstallation.find(
      (item) => item.installationId === 'ai-development',
    );
    expect(development?.codes).toEqual(['FR', 'BE', 'ES', 'IT', 'PT', 'IE', 'DE', 'SK', 'NL']);
    expect(development?.count).toBe(9);
    expect(development?.perPeriod.map((period) => period.codes?.length)).toEqual([6, 7]);
    expect(metric(summary, 'ai-development', 'country-count').aggregate).toEqual({
      type: 'number',
      value: 9,
    });
    expect(metric(summary, 'ai-development', 'country-count').aggregateBasis).toBe('count-of-union');
  });

  it('reaches 9 countries across all installations in the year, 7 of them in P2 alone', () => {
    expect(summary.countries.count).toBe(9);
    expect(summary.countries.perPeriod.map((period) => period.codes?.length)).toEqual([6, 7]);
  });

  it('counts AI models developed (a stock, aggregation latest) as 5 for the year, not 10', () => {
    const developed = metric(summary, 'ai-development', 'models-developed');
    expect(developed.aggregate).toEqual({ type: 'number', value: 5 });
    expect(developed.aggregateFrom).toEqual(['P2']);
    expect(metric(summary, 'ai-development', 'models-trained').aggregate).toEqual({
      type: 'number',
      value: 10,
    });
  });

  it('never adds users: 20 at most for IFCA CPU, and 20 as the project-wide lower bound', () => {
    const ifca = summary.users.perInstallation.find((figure) => figure.installationId === 'ifca-cpu');
    expect(ifca?.value).toBe(20);
    expect(ifca?.from).toEqual(['P1']);
    expect(summary.users.lowerBound).toMatchObject({ value: 20, installationId: 'ifca-cpu' });
  });

  it('compares IFCA CPU with its 3M project baseline pro rata: 488,544 of 1,000,000 for 12 months', () => {
    const attainment = metric(summary, 'ifca-cpu', 'cpu-hours').attainment;
    expect(attainment).toMatchObject({
      type: 'number',
      basis: 'pro-rata',
      target: 1000000,
      actual: 488544,
      met: false,
    });
  });

  it('shows IFCA CPU growing from 94,656 to 393,888 (+316%), whatever the seed text says', () => {
    const trend = metric(summary, 'ifca-cpu', 'cpu-hours').trend;
    expect(trend).toMatchObject({
      direction: 'up',
      from: { periodId: 'P1', value: 94656 },
      to: { periodId: 'P2', value: 393888 },
    });
    expect(Math.round(trend.changePercent ?? 0)).toBe(316);
  });

  it('marks which installations were used', () => {
    const usage = Object.fromEntries(summary.installations.map((item) => [item.installationId, item.usage]));
    expect(usage).toEqual({
      'ai-development': 'used',
      'ai-as-a-service': 'not-used',
      'ifca-cpu': 'used',
      'ifca-gpu': 'used',
      'ifca-storage': 'used',
      'incd-cpu': 'used',
      'incd-gpu': 'not-used',
      'incd-storage': 'used',
      'tr-fc1-ulakbim': 'not-used',
      'walton-cpu': 'not-used',
      'walton-storage': 'not-used',
    });
  });

  it('finds every value of the year entered', () => {
    expect(summary.completeness).toMatchObject({
      expected: 90,
      present: 90,
      percentComplete: 100,
      missing: [],
    });
  });

  it('is plain data: it survives JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});

describe('summarize: the seed, P2 alone', () => {
  const summary = summaryFor('P2');

  it('uses the period for the window figures and the start of the project for what is left', () => {
    const cpu = budget(summary.budgets, 'cpu-hours');
    expect(cpu.usedInWindow).toBe(393888 + 174003);
    expect(cpu.usedCumulative).toBe(662547);
    expect(Math.round(budget(summary.budgetGroups, 'compute').availablePercent)).toBe(89);
  });

  it('reaches 7 countries in P2: the figure the seed quotes as "16 users from 7 countries"', () => {
    expect(summary.countries.count).toBe(7);
    expect(summary.users.lowerBound?.value).toBe(16);
  });

  it('compares IFCA CPU with a sixth of its project baseline: 393,888 of 500,000', () => {
    expect(metric(summary, 'ifca-cpu', 'cpu-hours').attainment).toMatchObject({
      target: 500000,
      actual: 393888,
    });
  });

  it('compares the IFCA baseline countries (UK read as GB): 4 of 9 reached, IE, DE and NL beyond', () => {
    const attainment = metric(summary, 'ifca-cpu', 'countries').attainment;
    expect(attainment).toMatchObject({
      type: 'countries',
      baselineReached: ['ES', 'FR', 'BE', 'SK'],
      beyondBaseline: ['IE', 'DE', 'NL'],
    });
    expect(attainment?.type === 'countries' && attainment.share).toBeCloseTo(4 / 9);
  });

  it('honours the "> 200" users baseline of IFCA storage: 16 is not more than 200', () => {
    expect(metric(summary, 'ifca-storage', 'users').attainment).toMatchObject({
      comparator: '>',
      basis: 'direct',
      target: 200,
      met: false,
      standing: 'below',
    });
  });
});
