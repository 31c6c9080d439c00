import { listPeriods, type PeriodId } from '../calendar/reporting-period';
import type { ProjectConfig } from '../config/project-config-schema';
import { type EntryKey, entryKeyString } from '../entries/entry';
import { infrastructureHourSlots, isPlatformHours, type MetricSlot } from './platform-rule-cells';

/**
 * Which stored cells the cross-entry rules of validate-entries connect: a cell is compared with the
 * same key in the period before (sudden changes, drop to zero, which separator reading is plausible),
 * a country count with its country list of the same period, and a platform's hours with the hours every
 * infrastructure delivered that period. Knowing both directions lets a caller read exactly the cells a
 * submission needs, and re-check the stored cells whose outcome quoted a value that just changed.
 */
export interface CrossEntryReads {
  /** The cells the rules of `key` compare it with. */
  readBy(key: EntryKey): EntryKey[];
  /** The cells whose rules compare them with `key`: their outcome may change when `key` does. */
  readersOf(key: EntryKey): EntryKey[];
  /**
   * Every cell validating `keys` and re-checking their readers needs: the keys themselves, what they
   * read, their readers, and what those readers read. Unknown keys are left out. No duplicates.
   */
  neighbourhood(keys: readonly EntryKey[]): EntryKey[];
}

export function crossEntryReads(config: ProjectConfig): CrossEntryReads {
  const periods = new Set<string>(listPeriods(config.project).map((period) => period.id));
  const installations = new Map(config.installations.map((installation) => [installation.id, installation]));
  const infrastructureHours = infrastructureHourSlots(config);
  const platformHours: MetricSlot[] = config.installations.flatMap((installation) =>
    installation.metrics
      .filter((metric) => isPlatformHours(installation, metric))
      .map((metric) => ({ installationId: installation.id, metricId: metric.id })),
  );
  const isInfrastructureHours = (key: EntryKey) =>
    infrastructureHours.some(
      (slot) => slot.installationId === key.installationId && slot.metricId === key.metricId,
    );
  const shifted = (periodId: PeriodId, by: number): PeriodId | undefined => {
    const id = `P${Number(periodId.slice(1)) + by}`;
    return periods.has(id) ? (id as PeriodId) : undefined;
  };
  const known = (key: EntryKey) => {
    const metric = installations.get(key.installationId)?.metrics.find((item) => item.id === key.metricId);
    return metric !== undefined && periods.has(key.periodId) ? metric : undefined;
  };
  const inPeriod = (slots: readonly MetricSlot[], periodId: PeriodId) =>
    slots.map((slot) => ({ ...slot, periodId }));

  const readBy = (key: EntryKey): EntryKey[] => {
    const metric = known(key);
    if (metric === undefined) return [];
    const read: EntryKey[] = [];
    const previous = shifted(key.periodId, -1);
    if (previous !== undefined) read.push({ ...key, periodId: previous });
    if (metric.countOf !== undefined) read.push({ ...key, metricId: metric.countOf });
    if (isPlatformHours(installations.get(key.installationId), metric)) {
      read.push(...inPeriod(infrastructureHours, key.periodId));
    }
    return read;
  };

  const readersOf = (key: EntryKey): EntryKey[] => {
    const metric = known(key);
    if (metric === undefined) return [];
    const readers: EntryKey[] = [];
    const next = shifted(key.periodId, 1);
    if (next !== undefined) readers.push({ ...key, periodId: next });
    for (const other of installations.get(key.installationId)?.metrics ?? []) {
      if (other.countOf === key.metricId) readers.push({ ...key, metricId: other.id });
    }
    if (isInfrastructureHours(key)) readers.push(...inPeriod(platformHours, key.periodId));
    return readers;
  };

  const neighbourhood = (keys: readonly EntryKey[]): EntryKey[] => {
    const found = new Map<string, EntryKey>();
    const add = (key: EntryKey) => {
      if (known(key) !== undefined) found.set(entryKeyString(key), key);
    };
    for (const key of keys) {
      add(key);
      for (const read of readBy(key)) add(read);
      for (const reader of readersOf(key)) {
        add(reader);
        for (const read of readBy(reader)) add(read);
      }
    }
    return [...found.values()];
  };

  return { readBy, readersOf, neighbourhood };
}
