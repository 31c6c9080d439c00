/**
 * Cross-field checks run even when other fields of the configuration are wrong, so the first round
 * of errors shows every problem. They then see the input as written, not as parsed: these read a
 * field only when it has the expected type, and the check that needs it is skipped otherwise (the
 * field's own issue already says what is wrong with it).
 */
export type Loose = Record<string, unknown>;

export function looseRecord(value: unknown): Loose | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;
}

export function looseRecords(value: unknown): (Loose | undefined)[] {
  return Array.isArray(value) ? value.map(looseRecord) : [];
}

export function looseString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function looseNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Ids listed for a "one of ..." message; says so when there are none. */
export function expectedOneOf(ids: Iterable<string>, none: string): string {
  const list = [...ids].map((id) => `"${id}"`);
  return list.length === 0 ? none : `expected one of ${list.join(', ')}`;
}
