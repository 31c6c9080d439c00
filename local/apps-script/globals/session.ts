/// <reference types="google-apps-script" />
import { type ScriptContext, strict } from './script-context';

export const session = (ctx: ScriptContext) => ctx.call('session.info');
/** Session: who runs this execution, asked of the host each time. */
export const Session = (ctx: ScriptContext) =>
  strict(ctx.services, 'Session', {
    getActiveUser: () => ctx.facades.user(session(ctx).activeUser),
    getEffectiveUser: () => ctx.facades.user(session(ctx).effectiveUser),
    getScriptTimeZone: () => session(ctx).timeZone,
    getActiveUserLocale: () => 'en',
  } satisfies Partial<GoogleAppsScript.Base.Session>);
