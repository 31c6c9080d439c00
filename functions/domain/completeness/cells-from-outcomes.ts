import type { RawEntry } from '../entries/entry';
import type { ValidationOutcome } from '../validation/validation-outcome';
import type { CellRecord } from './cell-record';

/**
 * The cells of a file (metrics.csv) as the status reads them, from their validation outcomes: a file
 * says neither who typed a value nor when. A blank cell is empty, whatever the validator said of it.
 */
export function cellsFromOutcomes(
  entries: readonly RawEntry[],
  outcomes: readonly ValidationOutcome[],
): CellRecord[] {
  return entries.flatMap((entry, index) => {
    const outcome = outcomes[index];
    if (outcome === undefined) return [];
    const blank = entry.raw === null || (typeof entry.raw === 'string' && entry.raw.trim() === '');
    const state = blank ? 'empty' : outcome.status;
    const severity = state === 'rejected' ? 'error' : state === 'warning' ? 'warning' : null;
    return [
      {
        installationId: entry.installationId,
        metricId: entry.metricId,
        periodId: entry.periodId,
        state,
        reasons: outcome.issues.filter((issue) => issue.severity === severity).map((issue) => issue.message),
        editor: null,
        editedAt: null,
      },
    ];
  });
}
