import type { ReportingPeriod } from '../calendar/reporting-period';
import type { ParseFinding } from '../parsing/parse-finding';
import { excerpt } from '../parsing/parse-finding';
import { ruleById } from './rule-catalogue';
import type { ValidationIssue } from './validation-outcome';

/** Where a finding sits, in the words a person recognises: names and labels rather than ids. */
export interface FindingSubject {
  /** installation.name, or the id as typed when the installation is unknown. */
  installation: string;
  /** metric.label, or the id as typed when the metric is unknown; absent when not reached. */
  metric?: string;
  field: 'value' | 'baseline';
  /** The period when known; a bare id ("P9") when it is not one of the project's periods. */
  period?: ReportingPeriod | string;
  cell?: string;
}

function periodText(period: ReportingPeriod | string): string {
  return typeof period === 'string' ? period : `${period.id} (${period.label})`;
}

/** "IFCA-CSIC Scientific Cloud – CPU › CPU node/hours served over the period › P2 (M07–M12), metrics.csv!D7" */
export function subjectText(subject: FindingSubject): string {
  const parts = [subject.installation];
  if (subject.metric !== undefined) parts.push(subject.metric);
  if (subject.field === 'baseline') {
    parts.push('baseline');
  } else {
    const where = [
      subject.period === undefined ? undefined : periodText(subject.period),
      subject.cell,
    ].filter((part): part is string => part !== undefined && part !== '');
    if (where.length > 0) parts.push(where.join(', '));
  }
  return parts.join(' › ');
}

/**
 * The sentence a partner reads in the cell note or the CLI:
 * `<installation> › <metric> › <period, cell | baseline>: found "SP", expected ...; read as ...; did you mean ES (Spain)?`
 */
export function formatFinding(subject: FindingSubject, finding: ParseFinding): string {
  let message = `${subjectText(subject)}: found "${excerpt(finding.found, 80)}", expected ${finding.expected}`;
  if (finding.action !== undefined) message += `; ${finding.action}`;
  if (finding.suggestion !== undefined) {
    message += `; did you mean ${finding.suggestionLabel ?? finding.suggestion}?`;
  }
  return message;
}

/** A finding as the outcome carries it, its severity taken from the rule catalogue. */
export function toIssue(subject: FindingSubject, finding: ParseFinding): ValidationIssue {
  return {
    ruleId: finding.ruleId,
    severity: ruleById(finding.ruleId).severity,
    message: formatFinding(subject, finding),
    found: finding.found,
    expected: finding.expected,
    ...(finding.suggestion === undefined ? {} : { suggestion: finding.suggestion }),
  };
}
