import { type Execution, scopeKey } from '../execution';
import { utf8Bytes } from '../utf8';

type Cache = Map<string, { value: string; expiresAt: number }>;

/** The host's side of CacheService: entries expire on the host's clock, within Apps Script's limits. */
export function cacheOperations(now: () => number) {
  const caches = new Map<string, Cache>();
  const cacheFor = (execution: Execution, scope: string): Cache => {
    const key = scopeKey(execution, scope);
    let cache = caches.get(key);
    if (cache === undefined) {
      cache = new Map();
      caches.set(key, cache);
    }
    return cache;
  };
  return {
    'cache.get': (execution: Execution, scope: string, keys: string[]) => {
      const cache = cacheFor(execution, scope);
      const found: Record<string, string> = {};
      for (const key of keys) {
        const entry = cache.get(key);
        if (entry === undefined) continue;
        if (entry.expiresAt <= now()) cache.delete(key);
        else found[key] = entry.value;
      }
      return found;
    },
    'cache.put': (execution: Execution, scope: string, entries: Record<string, string>, seconds: number) => {
      const cache = cacheFor(execution, scope);
      const ttl = Math.min(Math.max(seconds, 1), 21_600);
      for (const [key, value] of Object.entries(entries)) {
        if (key.length > 250) throw new Error('Argument too large: key');
        if (utf8Bytes(value) > 100 * 1024) throw new Error('Argument too large: value');
        cache.set(key, { value, expiresAt: now() + ttl * 1000 });
      }
    },
    'cache.remove': (execution: Execution, scope: string, keys: string[]) => {
      const cache = cacheFor(execution, scope);
      for (const key of keys) cache.delete(key);
    },
  };
}
