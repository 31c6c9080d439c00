import type { ValidationOutcome } from '../validation/validation-outcome';
import type { EntryValue, RawEntry } from './entry';

/** The values summaries and drafts may use: those not rejected and not empty, keyed like their entries. */
export function acceptedValues(
  entries: readonly RawEntry[],
  outcomes: readonly ValidationOutcome[],
): EntryValue[] {
  return entries.flatMap((entry, index) => {
    const outcome = outcomes[index];
    if (outcome === undefined || outcome.status === 'rejected' || outcome.value === null) return [];
    return [
      {
        installationId: entry.installationId,
        metricId: entry.metricId,
        periodId: entry.periodId,
        value: outcome.value,
      },
    ];
  });
}
