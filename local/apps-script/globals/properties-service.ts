/// <reference types="google-apps-script" />
import { type GoogleLike, type ScriptContext, strict } from './script-context';

/** One scope's Properties: every read asks the host, so another execution's write is seen at once. */
export const properties = (ctx: ScriptContext, scope: 'document' | 'user' | 'script') => {
  const all = () => ctx.call('props.get', scope);
  const self: GoogleLike = strict(ctx.services, 'Properties', {
    getProperty: (key: string) => all()[String(key)] ?? null,
    getProperties: () => all(),
    getKeys: () => Object.keys(all()),
    setProperty: (key: string, value: unknown) => {
      ctx.call('props.set', scope, { [String(key)]: String(value) }, false);
      return self;
    },
    setProperties: (values: Record<string, unknown>, deleteAllOthers?: boolean) => {
      const entries = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));
      ctx.call('props.set', scope, entries, deleteAllOthers === true);
      return self;
    },
    deleteProperty: (key: string) => {
      ctx.call('props.delete', scope, String(key));
      return self;
    },
    deleteAllProperties: () => {
      ctx.call('props.delete', scope, null);
      return self;
    },
  } satisfies Partial<GoogleAppsScript.Properties.Properties>);
  return self;
};

/** PropertiesService: document, user and script stores, kept by the host between executions. */
export const PropertiesService = (ctx: ScriptContext) =>
  strict(ctx.services, 'PropertiesService', {
    getDocumentProperties: () => properties(ctx, 'document'),
    getUserProperties: () => properties(ctx, 'user'),
    getScriptProperties: () => properties(ctx, 'script'),
  } satisfies Partial<GoogleAppsScript.Properties.PropertiesService>);
