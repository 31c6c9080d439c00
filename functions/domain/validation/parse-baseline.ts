import type { MetricDefinition } from '../config/metric-definition-schema';
import type { Project } from '../config/project-schema';
import type { MetricValue } from '../entries/metric-value';
import { isBlank, type Parsed, parsed } from '../parsing/parse-finding';
import { ambiguousSeparatorFinding } from './ambiguous-separator';
import { parseMetricInput } from './parse-metric-input';

/** "No baseline" as the seed writes it; "0" is a real baseline (an empty country list, or zero). */
const NO_BASELINE = /^n\/a$/i;

export function hasNoBaseline(baseline: MetricDefinition['baseline']): boolean {
  return (
    baseline === null ||
    isBlank(baseline) ||
    (typeof baseline === 'string' && NO_BASELINE.test(baseline.trim()))
  );
}

/** The baseline with everything the parser noticed; value null when there is none or it is rejected. */
export function analyseBaseline(metric: MetricDefinition, project: Project): Parsed<MetricValue> {
  const baseline = metric.baseline;
  if (baseline === null || hasNoBaseline(baseline)) return parsed(null, []);
  const input = parseMetricInput(baseline, metric, project, { allowComparator: true });
  // A baseline has no previous period: the warning can only say both readings.
  const ambiguity =
    input.ambiguity === undefined ? undefined : ambiguousSeparatorFinding(input.ambiguity, metric.kind);
  return {
    value: input.value,
    findings: ambiguity === undefined ? input.findings : [ambiguity, ...input.findings],
  };
}

/**
 * The parsed baseline: a number (maybe with a comparator, "> 200") or a country list ("0" is an
 * empty list). Null when there is no baseline ("N/A", empty) or it cannot be read; validateBaselines
 * reports why.
 */
export function parseBaseline(metric: MetricDefinition, project: Project): MetricValue | null {
  return analyseBaseline(metric, project).value;
}
