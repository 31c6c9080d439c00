import type { DateTime } from 'luxon';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { type EntryKey, type EntryValue, entryKeyString } from '../domain/entries/entry';
import type { MetricValue } from '../domain/entries/metric-value';
import type { CrossEntryReads } from '../domain/validation/cross-entry-reads';
import { validateEntries } from '../domain/validation/validate-entries';
import {
  statusOf,
  type ValidationIssue,
  type ValidationOutcome,
} from '../domain/validation/validation-outcome';
import type { CurrentEntry } from '../storage/entry-records';

/** A stored cell whose outcome differs once the values it reads are the new ones. */
export interface RecheckedReader {
  current: CurrentEntry;
  outcome: ValidationOutcome;
}

/**
 * The stored cells whose cross-entry rules read a changed cell (the next period of the same metric, a
 * count of a changed country list, platforms against changed infrastructure hours), validated again
 * against the new values; only those whose status or issues change are returned. Their value stays
 * the current one: nobody changed it. So a re-check can at most warn: an error found now (a count that
 * no longer matches its list) is kept with its issue, under the status "warning", since the value
 * still counts until someone corrects it.
 */
export function recheckReaders(options: {
  config: ProjectConfig;
  now: DateTime;
  reads: CrossEntryReads;
  /** Current values of the cells read for the submission, by entryKeyString. */
  stored: ReadonlyMap<string, CurrentEntry>;
  /** The submitted cells now stored as current values: their new value (null: cleared). */
  changed: readonly (EntryKey & { value: MetricValue | null })[];
  /** Keys submitted in the same request: they got their outcome from this submission already. */
  submitted: ReadonlySet<string>;
}): RecheckedReader[] {
  const { config, now, reads, stored, changed, submitted } = options;
  if (changed.length === 0) return [];
  const values = new Map<string, EntryValue>();
  for (const [key, current] of stored) {
    if (current.value !== null) values.set(key, { ...current, value: current.value });
  }
  for (const cell of changed) {
    const key = entryKeyString(cell);
    if (cell.value === null) values.delete(key);
    else values.set(key, { ...cell, value: cell.value });
  }
  const readers = new Map<string, CurrentEntry>();
  for (const cell of changed) {
    for (const reader of reads.readersOf(cell)) {
      const key = entryKeyString(reader);
      const current = stored.get(key);
      if (submitted.has(key) || current === undefined || current.value === null) continue;
      readers.set(key, current);
    }
  }
  if (readers.size === 0) return [];
  const currents = [...readers.values()];
  const outcomes = validateEntries(
    currents.map((current) => ({
      installationId: current.installationId,
      metricId: current.metricId,
      periodId: current.periodId,
      raw: current.raw,
    })),
    { config, now, stored: [...values.values()] },
  );
  return currents.flatMap((current, index) => {
    const validated = outcomes[index];
    if (validated === undefined) return [];
    const status = statusOf(validated.issues) === 'rejected' ? 'warning' : statusOf(validated.issues);
    const unchanged = status === current.status && sameIssues(validated.issues, current.issues ?? []);
    return unchanged ? [] : [{ current, outcome: { ...validated, status } }];
  });
}

/** Field by field: stored issues come back from DynamoDB with their attributes in any order. */
function sameIssues(a: readonly ValidationIssue[], b: readonly ValidationIssue[]): boolean {
  const fields = (issue: ValidationIssue) =>
    JSON.stringify([
      issue.ruleId,
      issue.severity,
      issue.message,
      issue.found,
      issue.expected,
      issue.suggestion,
    ]);
  return (
    a.length === b.length &&
    a.every((issue, index) => b[index] !== undefined && fields(issue) === fields(b[index] as ValidationIssue))
  );
}
