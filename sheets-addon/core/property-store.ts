/** The slice of Apps Script's Properties the add-on uses, so pure code can run on a Map in tests. */
export interface PropertyStore {
  getAll(): Record<string, string>;
  /** Adds or replaces these keys, leaving the others. */
  setAll(values: Record<string, string>): void;
  remove(key: string): void;
}

/** Apps Script's quotas: 9 KB per value, 500 KB per store (document properties here). */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

export function memoryPropertyStore(initial: Record<string, string> = {}): PropertyStore & {
  values: Map<string, string>;
} {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getAll: () => Object.fromEntries(values),
    setAll: (entries) => {
      for (const [key, value] of Object.entries(entries)) values.set(key, value);
    },
    remove: (key) => {
      values.delete(key);
    },
  };
}
