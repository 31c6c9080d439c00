import type { MetricDefinition } from '../config/metric-definition-schema';
import type { Project } from '../config/project-schema';
import type { MetricValue, RawInput } from '../entries/metric-value';
import { formatNumber } from '../parsing/format-metric-value';
import { parseCountryList } from '../parsing/parse-country-list';
import { type Parsed, type ParseFinding, parsed } from '../parsing/parse-finding';
import { parseNumber, type SeparatorAmbiguity } from '../parsing/parse-number';
import { checkMagnitude, shownFigure } from './plausible-magnitude';

export interface MetricInputOptions {
  /** Baselines may carry "> 200"; period values may not. */
  allowComparator: boolean;
}

function describeType(raw: unknown): string {
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'object') return 'an object';
  return typeof raw;
}

function expectedFor(metric: MetricDefinition): string {
  return metric.kind === 'country-list'
    ? 'a list of ISO 3166-1 alpha-2 codes such as "ES, PT"'
    : `a number in ${metric.unit}`;
}

/** What parseMetricInput read, and whether the separators could be read another way. */
export interface MetricInput extends Parsed<MetricValue> {
  ambiguity?: SeparatorAmbiguity;
}

/**
 * The whole number a count was most likely meant to be: the thousands reading of "1.500" when the
 * locale took its dot for a decimal mark, else the nearest one.
 */
function likelyWhole(value: number, ambiguity: SeparatorAmbiguity | undefined): number {
  if (ambiguity !== undefined && Number.isInteger(ambiguity.otherValue)) return ambiguity.otherValue;
  return Math.round(value);
}

/**
 * Rules on the number itself, whatever its neighbours and however it arrived: no negatives, nothing
 * beyond what can be reported, whole counts.
 */
export function checkNumberRules(
  metric: MetricDefinition,
  value: number,
  ambiguity?: SeparatorAmbiguity,
): ParseFinding[] {
  const shown = shownFigure(value);
  if (value < 0) {
    return [{ ruleId: 'negative', found: shown, expected: `zero or more ${metric.unit}` }];
  }
  const magnitude = checkMagnitude(metric, value);
  if (magnitude.length > 0) return magnitude;
  if ((metric.kind === 'count' || metric.kind === 'country-count') && !Number.isInteger(value)) {
    return [
      {
        ruleId: 'not-whole',
        found: shown,
        expected: `a whole number of ${metric.unit}`,
        suggestion: formatNumber(likelyWhole(value, ambiguity)),
      },
    ];
  }
  return [];
}

/**
 * Parses a non-blank cell or baseline according to the metric's kind and applies the rules that
 * need nothing but the value. The value is null exactly when a finding is an error. A separator
 * that reads two ways is returned as `ambiguity`, for the caller to warn with what it knows of the
 * neighbours (ambiguousSeparatorFinding).
 */
export function parseMetricInput(
  raw: Exclude<RawInput, null>,
  metric: MetricDefinition,
  project: Project,
  options: MetricInputOptions,
): MetricInput {
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    return parsed(null, [{ ruleId: 'wrong-type', found: describeType(raw), expected: expectedFor(metric) }]);
  }
  if (metric.kind === 'country-list') {
    const list = parseCountryList(raw);
    return parsed(list.value === null ? null : { type: 'countries', codes: list.value }, list.findings);
  }
  const number = parseNumber(raw, {
    allowComparator: options.allowComparator,
    storage: metric.kind === 'tb-month',
    unit: metric.unit,
    ...(project.locale === undefined ? {} : { locale: project.locale }),
  });
  const ambiguity = number.ambiguity === undefined ? {} : { ambiguity: number.ambiguity };
  if (number.value === null) return { ...parsed(null, number.findings), ...ambiguity };
  const findings = [...number.findings, ...checkNumberRules(metric, number.value.value, number.ambiguity)];
  return { ...parsed({ type: 'number', ...number.value }, findings), ...ambiguity };
}
