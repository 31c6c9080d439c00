import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPeriods } from '../functions/domain/calendar/reporting-period';
import { type ProjectConfig, projectConfigSchema } from '../functions/domain/config/project-config-schema';
import type { RawEntry } from '../functions/domain/entries/entry';
import type { RawInput } from '../functions/domain/entries/metric-value';
import { parseMetricsTable } from '../functions/domain/import/metrics-table';

const EXAMPLE = join(__dirname, '..', 'examples', 'imagine-py1');

/** The D4.2 example repeated `copies` times: same metrics and values, installation ids suffixed. */
export function syntheticProject(copies: number): { config: ProjectConfig; entries: RawEntry[] } {
  const seed = projectConfigSchema.parse(JSON.parse(readFileSync(join(EXAMPLE, 'config.json'), 'utf8')));
  const seedEntries = parseMetricsTable(
    readFileSync(join(EXAMPLE, 'metrics.csv'), 'utf8'),
    seed,
    'metrics.csv',
  );
  const suffix = (id: string, copy: number) => (copy === 0 ? id : `${id}-${copy}`);
  const config: ProjectConfig = {
    ...seed,
    installations: Array.from({ length: copies }, (_, copy) =>
      seed.installations.map((installation) => ({ ...installation, id: suffix(installation.id, copy) })),
    ).flat(),
  };
  const entries = Array.from({ length: copies }, (_, copy) =>
    seedEntries.map((entry) => ({ ...entry, installationId: suffix(entry.installationId, copy) })),
  ).flat();
  return { config, entries };
}

/** The eight metrics every installation of the many-installations project reports. */
const EIGHT_METRICS = [
  {
    id: 'cpu-hours',
    label: 'CPU node/hours served over the period',
    kind: 'hours',
    unit: 'CPU-hours',
    baseline: '3M',
    aggregation: 'sum',
    countsToward: 'cpu-hours',
  },
  {
    id: 'gpu-hours',
    label: 'GPU node/hours served over the period',
    kind: 'hours',
    unit: 'GPU-hours',
    baseline: '> 15000',
    aggregation: 'sum',
    countsToward: 'gpu-hours',
  },
  {
    id: 'storage-tb-month',
    label: 'Storage served over the period',
    kind: 'tb-month',
    unit: 'TB-month',
    baseline: '1 PB',
    aggregation: 'sum',
    countsToward: 'storage-tb-month',
  },
  {
    id: 'users',
    label: 'Number of users',
    kind: 'count',
    unit: 'users',
    baseline: '200',
    baselineSpan: 'period',
    aggregation: 'max',
  },
  {
    id: 'countries',
    label: 'Names of the countries reached over the period',
    kind: 'country-list',
    unit: 'countries',
    baseline: 'ES, PT, FR, UK, IT, GE, BE, DE, IE',
    aggregation: 'union',
  },
  {
    id: 'country-count',
    label: 'Number of countries reached over the period',
    kind: 'country-count',
    unit: 'countries',
    baseline: '9',
    baselineSpan: 'period',
    aggregation: 'max',
    countOf: 'countries',
  },
  {
    id: 'models',
    label: 'Number of AI models trained',
    kind: 'count',
    unit: 'models',
    baseline: '500',
    baselineSpan: 'period',
    aggregation: 'sum',
  },
  {
    id: 'applications',
    label: 'Number of applications hosted',
    kind: 'count',
    unit: 'applications',
    baseline: '15',
    baselineSpan: 'period',
    aggregation: 'max',
  },
] as const;

const COUNTRY_LISTS = [
  'FR, BE, ES, IT, PT, IE',
  'FR, BE, ES, IE, DE, SK, NL',
  'ES, PT',
  '0',
  'DE, AT, CH, NL',
];

/**
 * `installations` installations x 8 metrics x every period of the D4.2 example's 36-month project
 * (6 periods): 48,000 values for 1,000 installations. Figures vary by installation and period, as
 * typed text ("94,656") and as numbers sent by Sheets, every country count matching its list; one
 * installation in ten is a platform, so every cross-entry rule has work to do.
 */
export function manyInstallationsProject(installations: number): {
  config: ProjectConfig;
  entries: RawEntry[];
} {
  const seed = projectConfigSchema.parse(JSON.parse(readFileSync(join(EXAMPLE, 'config.json'), 'utf8')));
  const [template] = seed.installations;
  if (template === undefined) throw new Error('the example has no installation');
  const config = projectConfigSchema.parse({
    ...seed,
    installations: Array.from({ length: installations }, (_, index) => ({
      ...template,
      id: `installation-${index + 1}`,
      name: `Installation ${index + 1}`,
      role: index % 10 === 9 ? 'platform' : 'infrastructure',
      resourceKind: index % 10 === 9 ? 'platform' : 'cpu',
      capacity: undefined,
      metrics: EIGHT_METRICS,
    })),
  });
  const periods = listPeriods(config.project);
  const entries: RawEntry[] = [];
  config.installations.forEach((installation, index) => {
    periods.forEach((period, periodIndex) => {
      const spread = ((index * 7919 + periodIndex * 104729) % 9000) + 1000;
      const countries = COUNTRY_LISTS[(index + periodIndex) % COUNTRY_LISTS.length] ?? '0';
      const countryCount = countries === '0' ? 0 : countries.split(',').length;
      const raws: Record<(typeof EIGHT_METRICS)[number]['id'], RawInput> = {
        'cpu-hours': index % 2 === 0 ? spread * 50 : (spread * 50).toLocaleString('en'),
        'gpu-hours': spread,
        'storage-tb-month': (spread / 100).toFixed(1),
        users: spread % 300,
        countries,
        'country-count': countryCount,
        models: String(spread % 40),
        applications: spread % 20,
      };
      for (const metric of installation.metrics) {
        entries.push({
          installationId: installation.id,
          metricId: metric.id,
          periodId: period.id,
          raw: raws[metric.id as keyof typeof raws],
          cell: `metrics.csv!${String.fromCharCode(67 + periodIndex)}${entries.length + 2}`,
        });
      }
    });
  });
  return { config, entries };
}
