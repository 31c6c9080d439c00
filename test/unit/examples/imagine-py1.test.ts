import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ProjectConfig, projectConfigSchema } from '../../../functions/domain/config';
import type { RawEntry } from '../../../functions/domain/entries/entry';
import { parseMetricsTable } from '../../../functions/domain/import/metrics-table';

const directory = join(__dirname, '..', '..', '..', 'examples', 'imagine-py1');
const configText = readFileSync(join(directory, 'config.json'), 'utf8');
const csvText = readFileSync(join(directory, 'metrics.csv'), 'utf8');

const config: ProjectConfig = projectConfigSchema.parse(JSON.parse(configText));
const entries = parseMetricsTable(csvText, config, 'metrics.csv');

function raw(installationId: string, metricId: string, periodId: string): RawEntry['raw'] | undefined {
  return entries.find(
    (entry) =>
      entry.installationId === installationId && entry.metricId === metricId && entry.periodId === periodId,
  )?.raw;
}

function installation(id: string) {
  const found = config.installations.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no installation ${id}`);
  return found;
}

/** Test-only reading of the English-formatted figures, to check the transcription against D4.2's totals. */
function total(metricId: string, countsToward: string): number {
  return config.installations
    .flatMap((inst) =>
      inst.metrics
        .filter((metric) => metric.id === metricId && metric.countsToward === countsToward)
        .flatMap((metric) => entries.filter((e) => e.installationId === inst.id && e.metricId === metric.id)),
    )
    .reduce((sum, entry) => sum + Number(String(entry.raw).replaceAll(',', '')), 0);
}

describe('examples/imagine-py1', () => {
  it('parses as a project configuration', () => {
    expect(config.project).toMatchObject({
      id: 'imagine',
      title: 'iMagine',
      startDate: '2022-09-01',
      durationMonths: 36,
      periodMonths: 6,
      timeZone: 'Europe/Amsterdam',
      grantAgreement: '101058625',
    });
    expect(config.project.budgets.map((budget) => [budget.id, budget.amount])).toEqual([
      ['cpu-hours', 6_000_000],
      ['gpu-hours', 132_000],
      ['storage-tb-month', 1_500],
    ]);
  });

  it('has the 11 installations of the report, in its order', () => {
    expect(config.installations.map((inst) => inst.id)).toEqual([
      'ai-development',
      'ai-as-a-service',
      'ifca-cpu',
      'ifca-gpu',
      'ifca-storage',
      'incd-cpu',
      'incd-gpu',
      'incd-storage',
      'tr-fc1-ulakbim',
      'walton-cpu',
      'walton-storage',
    ]);
    expect(config.installations.filter((inst) => inst.role === 'platform').map((inst) => inst.id)).toEqual([
      'ai-development',
      'ai-as-a-service',
    ]);
    expect(installation('tr-fc1-ulakbim').resourceKind).toBe('gpu');
    expect(installation('walton-storage').name).toBe('WaltonCloud – Storage');
  });

  it('gives every metric of every installation a row with both periods, and nothing else', () => {
    const configured = config.installations.flatMap((inst) =>
      inst.metrics.flatMap((metric) => [`${inst.id}/${metric.id}/P1`, `${inst.id}/${metric.id}/P2`]),
    );
    const inTable = entries.map((entry) => `${entry.installationId}/${entry.metricId}/${entry.periodId}`);
    expect(inTable).toEqual(configured);
  });

  it.each([
    ['ifca-cpu', 'cpu-hours', 'P1', '94,656'],
    ['ifca-cpu', 'cpu-hours', 'P2', '393,888'],
    ['ifca-gpu', 'gpu-hours', 'P2', '3,600'],
    ['incd-storage', 'storage-tb-month', 'P2', '3.4'],
    ['walton-cpu', 'cpu-hours', 'P2', '0'],
    ['ai-as-a-service', 'countries', 'P1', 'N/A'],
    ['ai-development', 'countries', 'P1', 'FR, BE, ES, IT, PT, IE'],
    ['incd-cpu', 'countries', 'P1', '0'],
  ])('%s %s %s is "%s" as printed', (installationId, metricId, periodId, expected) => {
    expect(raw(installationId, metricId, periodId)).toBe(expected);
  });

  it('keeps the baselines exactly as the report prints them', () => {
    const baseline = (installationId: string, metricId: string) =>
      installation(installationId).metrics.find((metric) => metric.id === metricId)?.baseline;
    expect(baseline('ai-development', 'training-hours')).toBe('4.000.000');
    expect(baseline('ai-development', 'countries')).toBe('SP, PT, FR, US, DE, UK, SK, CZ, CH, AU');
    expect(baseline('ifca-cpu', 'cpu-hours')).toBe('3M');
    expect(baseline('ifca-storage', 'users')).toBe('> 200');
    expect(baseline('ifca-storage', 'storage-tb-month')).toBe('1 PB');
    expect(baseline('tr-fc1-ulakbim', 'gpu-hours')).toBe('29433.6');
    expect(baseline('walton-cpu', 'cpu-hours')).toBe('11,586,723');
    expect(baseline('ai-as-a-service', 'countries')).toBe('N/A');
  });

  it('adds up to the executive summary totals through the budgets the metrics count toward', () => {
    expect(total('cpu-hours', 'cpu-hours')).toBe(662_547);
    expect(total('gpu-hours', 'gpu-hours')).toBe(14_400);
    expect(total('storage-tb-month', 'storage-tb-month')).toBeCloseTo(33.4, 10);
  });

  it('does not count platform hours toward a budget: they run on the infrastructure', () => {
    const platformMetrics = config.installations
      .filter((inst) => inst.role === 'platform')
      .flatMap((inst) => inst.metrics);
    expect(platformMetrics.filter((metric) => metric.countsToward !== undefined)).toEqual([]);
  });

  it('holds placeholder addresses only', () => {
    const emails = [...configText.matchAll(/[\w.+-]+@[\w.-]+/g)].map((match) => match[0]);
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) expect(email).toMatch(/\.example\.org$/);
  });
});
