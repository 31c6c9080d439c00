import type { Severity, ValidationOutcome } from '../../domain/validation/validation-outcome';

export interface FindingCounts {
  errors: number;
  warnings: number;
  notes: number;
  rejected: number;
}

export function countFindings(outcomes: readonly ValidationOutcome[]): FindingCounts {
  const issues = outcomes.flatMap((outcome) => outcome.issues);
  const count = (severity: Severity) => issues.filter((issue) => issue.severity === severity).length;
  return {
    errors: count('error'),
    warnings: count('warning'),
    notes: count('note'),
    rejected: outcomes.filter((outcome) => outcome.status === 'rejected').length,
  };
}

/** What `validate` checked, kept apart: the coordinator's configuration and the partners' values. */
export interface CheckedProject {
  title: string;
  baselines: readonly ValidationOutcome[];
  values: readonly ValidationOutcome[];
  /** Where the values come from, e.g. "metrics.csv". */
  valuesSource: string;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'note'];
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Errors first, then warnings, then notes; each line says where, what was found and what is expected. */
function findingLines(outcomes: readonly ValidationOutcome[]): string[] {
  const lines: string[] = [];
  for (const severity of SEVERITY_ORDER) {
    for (const outcome of outcomes) {
      for (const issue of outcome.issues.filter((candidate) => candidate.severity === severity)) {
        lines.push(`${severity.toUpperCase().padEnd(7)} ${issue.message} [${issue.ruleId}]`);
        const cell = outcome.location.cell;
        if (cell !== undefined && !issue.message.includes(cell)) lines.push(`        at ${cell}`);
      }
    }
  }
  return lines;
}

function tally(counts: FindingCounts, rejectedWhat: string): string {
  return (
    `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.notes, 'note')}; ` +
    `${counts.rejected} rejected ${rejectedWhat}.`
  );
}

/**
 * Two sections, as two people fix them: the configuration's baselines (the coordinator; a rejected
 * baseline only drops its comparison) and the values of the data (the partners; a rejected value is
 * left out of every figure). `validate`'s exit code follows the same split.
 */
export function renderFindings(checked: CheckedProject): string {
  const lines = [
    `${checked.title}: checked ${checked.baselines.length} baselines and ${checked.values.length} values.`,
  ];
  const section = (heading: string, outcomes: readonly ValidationOutcome[], rejectedWhat: string) => {
    const findings = findingLines(outcomes);
    lines.push('', heading, ...(findings.length === 0 ? ['No findings.'] : findings));
    lines.push(tally(countFindings(outcomes), rejectedWhat));
  };
  section(
    'Configuration: baselines',
    checked.baselines,
    'baseline(s) (no comparison is made with them; the coordinator fixes the config)',
  );
  section(`Data: values of ${checked.valuesSource}`, checked.values, 'value(s) (left out of summaries)');
  return lines.join('\n');
}
