/**
 * The installation × metric × period key of a value, and the installation × metric key of a row, with
 * the one string form each medium writes them in. The forms are named, not chosen here: stored DynamoDB
 * keys and existing sheets hold them, so each must stay exactly as it is. Pure and free of Node imports:
 * the Apps Script add-on bundles this module.
 */
import type { PeriodId } from '../calendar/reporting-period';

/** Where a value sits: installation x metric x period. */
export interface EntryKey {
  installationId: string;
  metricId: string;
  periodId: PeriodId;
}

/** A row of the Metrics tab or table: installation x metric, one column per period. */
export interface EntryRowKey {
  installationId: string;
  metricId: string;
}

/** An entry key as a client received it (the period not yet checked to be a PeriodId). */
export interface EntryKeyText extends EntryRowKey {
  periodId: string;
}

/** The separator of each medium's form. */
export const ENTRY_KEY_SEPARATORS = {
  /** Maps over validated ids in the domain and the functions: slugs never hold "#". */
  domain: '#',
  /** The Metrics tab's key cells and row anchors, which people read: "ifca-cpu/cpu-hours". */
  sheet: '/',
  /** Maps over ids not validated yet (an imported table, what the add-on read): no typed text holds U+0000. */
  unvalidated: '\u0000',
  /** DynamoDB keys (infra/table-design.ts refuses a part holding it). */
  storage: '#',
} as const;

/**
 * The order in which a stored key lists the entry's parts: a current entry's sort key leads with the
 * period so that one Query lists a period; a history's partition key follows the cell.
 */
export const STORAGE_KEY_ORDER = {
  currentEntry: ['periodId', 'installationId', 'metricId'],
  history: ['installationId', 'metricId', 'periodId'],
} as const satisfies Record<string, readonly (keyof EntryKey)[]>;

/** "ifca-cpu#cpu-hours#P2": a value's key in the domain's maps. */
export function entryKeyString(key: EntryKey): string {
  const separator = ENTRY_KEY_SEPARATORS.domain;
  return `${key.installationId}${separator}${key.metricId}${separator}${key.periodId}`;
}

/** "ifca-cpu#cpu-hours": a row's key in the domain's maps. */
export function entryRowKeyString(key: EntryRowKey): string {
  return `${key.installationId}${ENTRY_KEY_SEPARATORS.domain}${key.metricId}`;
}

/** "ifca-cpu/cpu-hours": a row's key as the Metrics tab writes it (key cell and row anchor). */
export function sheetRowKey(key: EntryRowKey): string {
  return `${key.installationId}${ENTRY_KEY_SEPARATORS.sheet}${key.metricId}`;
}

/** The row key a Metrics tab string holds; undefined for a string no row key of ours would be. */
export function parseSheetRowKey(value: string): EntryRowKey | undefined {
  const [installationId, metricId, extra] = value.split(ENTRY_KEY_SEPARATORS.sheet);
  if (!installationId || !metricId || extra !== undefined) return undefined;
  return { installationId, metricId };
}

/** A row's key over ids not validated yet, which may hold "#" or "/". */
export function unvalidatedRowKey(key: EntryRowKey): string {
  return `${key.installationId}${ENTRY_KEY_SEPARATORS.unvalidated}${key.metricId}`;
}

/** A value's key over ids not validated yet, which may hold "#" or "/". */
export function unvalidatedEntryKey(key: EntryKeyText): string {
  const separator = ENTRY_KEY_SEPARATORS.unvalidated;
  return `${key.installationId}${separator}${key.metricId}${separator}${key.periodId}`;
}
