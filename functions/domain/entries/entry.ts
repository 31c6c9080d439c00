import type { PeriodId } from '../calendar/reporting-period';
import type { MetricValue, RawInput } from './metric-value';

/** Where a value sits: installation x metric x period, and the sheet or file cell when known. */
export interface EntryKey {
  installationId: string;
  metricId: string;
  periodId: PeriodId;
}

/** One submitted cell, before validation. */
export interface RawEntry extends EntryKey {
  raw: RawInput;
  /** "Metrics!D7" or "metrics.csv!D7": what the person can click on. */
  cell?: string;
}

/** An accepted value, as summaries and drafts consume it. */
export interface EntryValue extends EntryKey {
  value: MetricValue;
}

export function entryKeyString(key: EntryKey): string {
  return `${key.installationId}#${key.metricId}#${key.periodId}`;
}
