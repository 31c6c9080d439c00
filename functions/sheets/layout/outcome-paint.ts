import type { CellOutcome, RawInput } from '../../contract/contract';
import { OUTCOME_COLOURS } from './anchors';

/**
 * The colour and note a value cell gets for a validation outcome, in one wording whoever paints it:
 * the add-on after a live edit, the setup write-back for values already stored. Pure and free of
 * Node imports: the add-on bundles it.
 */
export interface CellPaint {
  background: string;
  note: string;
}

/** What a note needs from an outcome (the API's answer has more); a stored entry provides the same. */
export type NotedOutcome = Pick<CellOutcome, 'status' | 'normalized' | 'issues' | 'message'> &
  Partial<CellOutcome>;

/** Beyond this, a note quotes the start of what was read: the cell itself still holds all of it. */
const QUOTED_CHARACTERS = 200;

/** 60000 → "60,000", without Intl, whose locale data Apps Script does not promise. */
export function groupThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** What was read, quoted as text: a note is plain text, so "=IMPORTXML(...)" is shown, never run. */
export function shown(raw: RawInput): string {
  if (raw === null) return '(empty)';
  if (typeof raw !== 'string') return String(raw);
  if (raw.length <= QUOTED_CHARACTERS) return `"${raw}"`;
  return `"${raw.slice(0, QUOTED_CHARACTERS)}…" (${groupThousands(raw.length)} characters)`;
}

/**
 * The note of an answered cell: what was read, what is wrong and what is expected, so a partner can
 * fix the cell without asking anyone. What they typed stays in the cell; only colour and note change.
 */
export function paintForOutcome(outcome: NotedOutcome, raw: RawInput): CellPaint {
  const lines: string[] = [];
  if (outcome.status === 'rejected') lines.push('Not stored: please correct this value.');
  else if (outcome.status === 'warning')
    lines.push(`Stored as ${outcome.normalized || '(empty)'}, with a warning.`);
  else lines.push(raw === null ? 'Cleared.' : `Stored as ${outcome.normalized}.`);
  lines.push(`Read: ${shown(raw)}`);
  for (const issue of outcome.issues) {
    lines.push(issue.severity === 'note' ? `Note: ${issue.message}` : `Problem: ${issue.message}`);
    // The domain's sentences usually say it already; repeat only what they leave out.
    if (issue.severity !== 'note' && issue.expected !== '' && !issue.message.includes(issue.expected)) {
      lines.push(`Expected: ${issue.expected}`);
    }
    if (issue.suggestion && !/did you mean/i.test(issue.message))
      lines.push(`Did you mean: ${issue.suggestion}?`);
  }
  if (outcome.issues.length === 0 && outcome.message !== '') lines.push(outcome.message);
  return { background: OUTCOME_COLOURS[outcome.status], note: lines.join('\n') };
}
