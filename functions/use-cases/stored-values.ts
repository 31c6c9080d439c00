import type { EntryValue } from '../domain/entries/entry';
import type { CurrentEntry } from '../storage/entry-records';

/** The current values summaries and validation consume; a cleared cell has no value. */
export function storedValuesOf(current: readonly CurrentEntry[]): EntryValue[] {
  return current.flatMap((entry) =>
    entry.value === null
      ? []
      : [
          {
            installationId: entry.installationId,
            metricId: entry.metricId,
            periodId: entry.periodId,
            value: entry.value,
          },
        ],
  );
}
