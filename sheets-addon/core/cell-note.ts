import type { CellOutcome, CurrentEntryView, RawInput } from '../../functions/api/contract';
import { OUTCOME_COLOURS } from '../../functions/sheets/layout/anchors';
import { groupThousands, tooLongSentence } from './cell-limits';

/** What the add-on puts on a cell: its background colour and its note. */
export interface CellPaint {
  background: string;
  note: string;
}

/** Beyond this, a note quotes the start of what was read: the cell itself still holds all of it. */
const QUOTED_CHARACTERS = 200;

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
export function paintForOutcome(outcome: CellOutcome, raw: RawInput): CellPaint {
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

/** A cell the reconcile found unchanged: painted from what the backend holds for it. */
export function paintForStored(entry: CurrentEntryView): CellPaint {
  const lines = [
    entry.status === 'warning'
      ? `Stored as ${entry.normalized || '(empty)'}, with a warning.`
      : `Stored as ${entry.normalized || '(empty)'}.`,
  ];
  if (entry.message !== '') lines.push(entry.message);
  return { background: OUTCOME_COLOURS[entry.status], note: lines.join('\n') };
}

export function paintPending(raw: RawInput, reason: string): CellPaint {
  return {
    background: OUTCOME_COLOURS.pending,
    note: `Pending, will be sent: ${reason}\nRead: ${shown(raw)}\n"Sync pending edits" sends it now; the next successful edit sends it too.`,
  };
}

/** The outbox could not take the cell: the sheet still holds it, and the reconcile will send it. */
export function paintUnqueued(
  raw: RawInput,
  reason: string,
  notKept = 'the outbox of pending edits is full',
): CellPaint {
  return {
    background: OUTCOME_COLOURS.pending,
    note:
      `Not sent yet, and ${notKept}: ${reason}\nRead: ${shown(raw)}\n` +
      'What you typed stays here: "Validate whole sheet" sends it once the backend answers again.',
  };
}

/** The whole request was refused (403, 400...): the API's sentence tells why. */
export function paintRefused(raw: RawInput, message: string): CellPaint {
  return {
    background: OUTCOME_COLOURS.rejected,
    note: `Not stored: ${message}\nRead: ${shown(raw)}`,
  };
}

/** A text longer than the API takes: not sent (it would refuse the whole paste), kept in the cell. */
export function paintTooLong(raw: RawInput, length: number): CellPaint {
  return {
    background: OUTCOME_COLOURS.rejected,
    note:
      `Not sent: ${tooLongSentence(length)}. A metric value is a number or a short list of codes: ` +
      `shorten it and the cell is checked again.\nRead: ${shown(raw)}`,
  };
}
