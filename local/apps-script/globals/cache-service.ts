/// <reference types="google-apps-script" />
import { type ScriptContext, strict } from './script-context';

/** One scope's Cache; entries expire on the host's clock. */
export const cache = (ctx: ScriptContext, scope: string) =>
  strict(ctx.services, 'Cache', {
    get: (key: string) => ctx.call('cache.get', scope, [String(key)])[String(key)] ?? null,
    getAll: (keys: string[]) => ctx.call('cache.get', scope, keys.map(String)),
    put: (key: string, value: string, seconds: number = 600) => {
      ctx.call('cache.put', scope, { [String(key)]: String(value) }, seconds);
    },
    putAll: (values: Record<string, string>, seconds: number = 600) => {
      ctx.call('cache.put', scope, values, seconds);
    },
    remove: (key: string) => {
      ctx.call('cache.remove', scope, [String(key)]);
    },
    removeAll: (keys: string[]) => {
      ctx.call('cache.remove', scope, keys.map(String));
    },
  } satisfies Partial<GoogleAppsScript.Cache.Cache>);

/** CacheService: document, user and script caches. */
export const CacheService = (ctx: ScriptContext) =>
  strict(ctx.services, 'CacheService', {
    getDocumentCache: () => cache(ctx, 'document'),
    getUserCache: () => cache(ctx, 'user'),
    getScriptCache: () => cache(ctx, 'script'),
  } satisfies Partial<GoogleAppsScript.Cache.CacheService>);
