import type { Installation } from '../config/installation-schema';
import type { MetricDefinition } from '../config/metric-definition-schema';
import type { ProjectConfig } from '../config/project-config-schema';
import type { MetricValue } from '../entries/metric-value';
import { formatMetricValue, formatNumber } from '../parsing/format-metric-value';
import type { ParseFinding } from '../parsing/parse-finding';
import { type FindingSubject, toIssue } from './format-finding';
import { analyseBaseline } from './parse-baseline';
import { statusOf, type ValidationOutcome } from './validation-outcome';

/** Where a baseline lives in the configuration file, in a form a person can search for. */
export function baselineCell(
  installation: Pick<Installation, 'id'>,
  metric: Pick<MetricDefinition, 'id'>,
): string {
  return `config: installations[${installation.id}].metrics[${metric.id}].baseline`;
}

/** A country-count baseline that states a plain number must match its country-list baseline. */
function checkCountBaseline(
  metric: MetricDefinition,
  value: MetricValue,
  installation: Installation,
  parsedBaselines: ReadonlyMap<string, MetricValue | null>,
): ParseFinding[] {
  if (metric.countOf === undefined || value.type !== 'number' || value.comparator !== undefined) return [];
  const list = parsedBaselines.get(metric.countOf);
  const listMetric = installation.metrics.find((candidate) => candidate.id === metric.countOf);
  if (list?.type !== 'countries' || listMetric === undefined || list.codes.length === value.value) return [];
  return [
    {
      ruleId: 'country-count-mismatch',
      found: formatNumber(value.value),
      expected: `${list.codes.length}, the number of countries in the baseline of "${listMetric.label}" (${formatMetricValue(list)})`,
      suggestion: String(list.codes.length),
    },
  ];
}

/** Checks every baseline of the configuration: one outcome per metric whose baseline is not null. */
export function validateBaselines(config: ProjectConfig): ValidationOutcome[] {
  return config.installations.flatMap((installation) => {
    const analyses = new Map(
      installation.metrics.map((metric) => [metric.id, analyseBaseline(metric, config.project)] as const),
    );
    const parsedBaselines = new Map([...analyses].map(([id, analysis]) => [id, analysis.value] as const));
    return installation.metrics.flatMap((metric): ValidationOutcome[] => {
      const analysis = analyses.get(metric.id);
      if (metric.baseline === null || analysis === undefined) return [];
      const findings = [...analysis.findings];
      if (analysis.value !== null) {
        findings.push(...checkCountBaseline(metric, analysis.value, installation, parsedBaselines));
      }
      const cell = baselineCell(installation, metric);
      const subject: FindingSubject = {
        installation: installation.name,
        metric: metric.label,
        field: 'baseline',
        cell,
      };
      const issues = findings.map((finding) => toIssue(subject, finding));
      const status = statusOf(issues);
      const value = status === 'rejected' ? null : analysis.value;
      return [
        {
          location: { installationId: installation.id, metricId: metric.id, field: 'baseline', cell },
          status,
          value,
          normalized: value === null ? '' : formatMetricValue(value),
          issues,
        },
      ];
    });
  });
}
