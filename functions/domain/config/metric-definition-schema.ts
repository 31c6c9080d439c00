import { z } from 'zod';
import { slugSchema } from './identifiers';
import { boundedText, TEXT_BOUNDS } from './text-bounds';

export const METRIC_KINDS = ['hours', 'tb-month', 'count', 'country-list', 'country-count'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/**
 * How values of one metric combine across periods. Users and countries are not additive:
 * the same people appear in several periods, so they never use "sum".
 */
export const AGGREGATIONS = ['sum', 'union', 'latest', 'max'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** The span a baseline is stated for; sums are compared pro rata, other aggregations as they are. */
export const BASELINE_SPANS = ['period', 'year', 'project'] as const;
export type BaselineSpan = (typeof BASELINE_SPANS)[number];

export const DEFAULT_AGGREGATION: Record<MetricKind, Aggregation> = {
  hours: 'sum',
  'tb-month': 'sum',
  count: 'max',
  'country-list': 'union',
  'country-count': 'max',
};

/**
 * A metric as written: `aggregation` may be left out and then follows the kind (DEFAULT_AGGREGATION),
 * since a coordinator who writes one that contradicts the kind only adds a way to be wrong.
 */
const metricDefinitionFields = z.strictObject({
  id: slugSchema,
  label: boundedText(TEXT_BOUNDS.sentence)
    .min(1)
    .describe('As in the report, e.g. "CPU node/hours served over the period"'),
  kind: z.enum(METRIC_KINDS),
  unit: boundedText(TEXT_BOUNDS.label).min(1).describe('e.g. "CPU-hours", "TB-month", "users", "countries"'),
  baseline: z
    .union([z.number(), boundedText(TEXT_BOUNDS.name)])
    .nullable()
    .default(null)
    .describe(
      'As typed by the coordinator: 3000000, "3M", "> 200", "1 PB", "ES, PT" or null when there is none',
    ),
  baselineSpan: z.enum(BASELINE_SPANS).default('project'),
  measuredBy: boundedText(TEXT_BOUNDS.sentence)
    .default('')
    .describe('How the measurement is done, e.g. "openstack accounting"'),
  aggregation: z
    .enum(AGGREGATIONS)
    .optional()
    .describe('How values combine across periods; left out, it follows the kind (sum, max or union)'),
  countsToward: slugSchema.optional().describe('Budget id this metric consumes, e.g. "cpu-hours"'),
  countOf: slugSchema
    .optional()
    .describe(
      'For a country-count: the id of the country-list metric of the same installation it must match',
    ),
});

export const metricDefinitionSchema = metricDefinitionFields.transform((metric) => ({
  ...metric,
  aggregation: metric.aggregation ?? DEFAULT_AGGREGATION[metric.kind],
}));

export type MetricDefinition = z.infer<typeof metricDefinitionSchema>;

/** Metrics whose value measures delivered resources: an installation with all of them at zero was not used. */
export function isUsageMetric(metric: Pick<MetricDefinition, 'kind'>): boolean {
  return metric.kind === 'hours' || metric.kind === 'tb-month';
}
