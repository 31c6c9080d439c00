import type { PeriodId } from '../calendar/reporting-period';
import type { EntryValue } from '../entries/entry';
import type { MetricValue } from '../entries/metric-value';

export type ValueLookup = (
  installationId: string,
  metricId: string,
  periodId: PeriodId,
) => MetricValue | null;

/**
 * Current values by cell; when a key appears twice the later value wins, as the later submission would.
 * Nested by installation, metric and period rather than keyed by a joined string: a summary looks up
 * every cell several times, and building a key string per look-up made garbage collection grow
 * faster than the project.
 */
export function lookupValues(values: readonly EntryValue[]): ValueLookup {
  const byInstallation = new Map<string, Map<string, Map<PeriodId, MetricValue>>>();
  for (const entry of values) {
    let byMetric = byInstallation.get(entry.installationId);
    if (byMetric === undefined) {
      byMetric = new Map();
      byInstallation.set(entry.installationId, byMetric);
    }
    let byPeriod = byMetric.get(entry.metricId);
    if (byPeriod === undefined) {
      byPeriod = new Map();
      byMetric.set(entry.metricId, byPeriod);
    }
    byPeriod.set(entry.periodId, entry.value);
  }
  return (installationId, metricId, periodId) =>
    byInstallation.get(installationId)?.get(metricId)?.get(periodId) ?? null;
}
