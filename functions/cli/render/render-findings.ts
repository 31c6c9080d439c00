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

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'note'];
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Errors first, then warnings, then notes; each line says where, what was found and what is expected. */
export function renderFindings(
  title: string,
  outcomes: readonly ValidationOutcome[],
  valueCount: number,
): string {
  const lines = [`${title}: checked ${outcomes.length - valueCount} baselines and ${valueCount} values.`, ''];
  for (const severity of SEVERITY_ORDER) {
    for (const outcome of outcomes) {
      for (const issue of outcome.issues.filter((candidate) => candidate.severity === severity)) {
        lines.push(`${severity.toUpperCase().padEnd(7)} ${issue.message} [${issue.ruleId}]`);
        const cell = outcome.location.cell;
        if (cell !== undefined && !issue.message.includes(cell)) lines.push(`        at ${cell}`);
      }
    }
  }
  const counts = countFindings(outcomes);
  if (counts.errors + counts.warnings + counts.notes === 0)
    lines.push('No findings: every value is accepted.');
  lines.push(
    '',
    `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.notes, 'note')}; ` +
      `${counts.rejected} rejected (left out of summaries).`,
  );
  return lines.join('\n');
}
