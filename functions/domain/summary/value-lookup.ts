import type { PeriodId } from '../calendar/reporting-period';
import { type EntryValue, entryKeyString } from '../entries/entry';
import type { MetricValue } from '../entries/metric-value';

export type ValueLookup = (
  installationId: string,
  metricId: string,
  periodId: PeriodId,
) => MetricValue | null;

/** Current values by cell; when a key appears twice the later value wins, as the later submission would. */
export function lookupValues(values: readonly EntryValue[]): ValueLookup {
  const byKey = new Map<string, MetricValue>();
  for (const entry of values) byKey.set(entryKeyString(entry), entry.value);
  return (installationId, metricId, periodId) =>
    byKey.get(entryKeyString({ installationId, metricId, periodId })) ?? null;
}
