import type { EntryKey } from './entry-key';
import type { MetricValue, RawInput } from './metric-value';

export { type EntryKey, entryKeyString } from './entry-key';

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
