import type { ProjectConfig } from '../config/project-config-schema';
import type { EntryValue } from '../entries/entry';
import { entryRowKeyString } from '../entries/entry-key';
import { addExactly } from './exact-sum';

/**
 * Values stored for an installation (or a metric of one) the configuration no longer lists: kept in
 * storage, left out of every figure, and named so that a total never shrinks without a word (an
 * installation removed by mistake, or while it is being renamed).
 */
export interface UnconfiguredValues {
  installationId: string;
  metricId: string;
  reason: 'installation-not-configured' | 'metric-not-configured';
  /** The periods up to the window's end holding a value, in the order given. */
  periodIds: string[];
  /** The sum of those values that are numbers; null when none is (country lists). */
  total: number | null;
}

/** Every stored value of `periodIds` that the configuration has no place for, by installation and metric. */
export function unconfiguredValues(
  config: ProjectConfig,
  values: readonly EntryValue[],
  periodIds: readonly string[],
): UnconfiguredValues[] {
  const metricsOf = new Map(
    config.installations.map((installation) => [
      installation.id,
      new Set(installation.metrics.map((metric) => metric.id)),
    ]),
  );
  const periods = new Set(periodIds);
  const found = new Map<string, UnconfiguredValues & { numbers: number[] }>();
  for (const entry of values) {
    if (!periods.has(entry.periodId)) continue;
    const metrics = metricsOf.get(entry.installationId);
    if (metrics?.has(entry.metricId)) continue;
    const key = entryRowKeyString(entry);
    const item = found.get(key) ?? {
      installationId: entry.installationId,
      metricId: entry.metricId,
      reason: metrics === undefined ? 'installation-not-configured' : 'metric-not-configured',
      periodIds: [],
      total: null,
      numbers: [],
    };
    item.periodIds.push(entry.periodId);
    if (entry.value.type === 'number') item.numbers.push(entry.value.value);
    found.set(key, item);
  }
  return [...found.values()].map(({ numbers, ...item }) => ({
    ...item,
    periodIds: periodIds.filter((periodId) => item.periodIds.includes(periodId)),
    total: numbers.length === 0 ? null : addExactly(numbers),
  }));
}

/** One sentence naming them, for the summary's headlines and the report's completeness section. */
export function unconfiguredSentence(
  items: readonly UnconfiguredValues[],
  formatNumber: (value: number) => string,
): string | null {
  if (items.length === 0) return null;
  const listed = items
    .map(
      (item) =>
        `${item.installationId} / ${item.metricId} (${item.periodIds.join(', ')}${item.total === null ? '' : `: ${formatNumber(item.total)}`})`,
    )
    .join('; ');
  return `Values are stored for installations or metrics the configuration no longer lists, and are not counted in these figures: ${listed}. Restore them in the configuration to count them.`;
}
