import type { PeriodId } from '../calendar/reporting-period';
import type { MetricValue } from '../entries/metric-value';
import type { RuleId } from './rule-catalogue';

/** error rejects the value; warning accepts it but asks for a look; note only informs (e.g. UK read as GB). */
export type Severity = 'error' | 'warning' | 'note';

export type OutcomeStatus = 'accepted' | 'warning' | 'rejected';

/** Which field of which metric a finding is about: a period value or the metric's baseline. */
export interface FindingLocation {
  installationId: string;
  metricId: string;
  field: 'value' | 'baseline';
  periodId?: PeriodId;
  cell?: string;
}

export interface ValidationIssue {
  ruleId: RuleId;
  severity: Severity;
  /** A full sentence naming installation, metric, period, what was found and what is expected. */
  message: string;
  found: string;
  expected: string;
  suggestion?: string;
}

export interface ValidationOutcome {
  location: FindingLocation;
  status: OutcomeStatus;
  /** The parsed value; null when rejected or when the cell is empty. */
  value: MetricValue | null;
  /** The value as the report would print it, e.g. "94,656" or "ES, PT"; empty when rejected. */
  normalized: string;
  issues: ValidationIssue[];
}

export function statusOf(issues: readonly ValidationIssue[]): OutcomeStatus {
  if (issues.some((issue) => issue.severity === 'error')) return 'rejected';
  if (issues.some((issue) => issue.severity === 'warning')) return 'warning';
  return 'accepted';
}
