import type {
  CellOutcome,
  CurrentEntryView,
  LatestSubmissionView,
  RawInput,
} from '../../functions/shared/addon-contract';
import {
  type CellPaint,
  OUTCOME_COLOURS,
  paintForOutcome,
  shown,
} from '../../functions/shared/addon-contract';
import { tooLongSentence } from './cell-limits';

// The live-edit wording is shared with the setup write-back, which paints stored values the same way.
export { type CellPaint, paintForOutcome, shown } from '../../functions/shared/addon-contract';

/**
 * A cell still holding the input whose submission was rejected: the note the live validation wrote
 * then, from the stored answer, so a reconcile shows it without sending it again.
 */
export function paintForLatest(latest: LatestSubmissionView, raw: RawInput): CellPaint {
  const { status, message, issues } = latest;
  // A latest submission that is not the current value was never stored: nothing was normalised.
  return paintForOutcome({ status, message, issues, normalized: '' }, raw);
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

/** The answer the backend gave for one cell of a request; a refusal when it left the cell out. */
export function paintForAnswer(outcome: CellOutcome | undefined, raw: RawInput): CellPaint {
  return outcome === undefined
    ? paintRefused(raw, 'the backend gave no answer for this cell')
    : paintForOutcome(outcome, raw);
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
