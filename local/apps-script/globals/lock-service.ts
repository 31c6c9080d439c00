/// <reference types="google-apps-script" />
import { type ScriptContext, strict } from './script-context';

/** One scope's Lock: tryLock/waitLock block this execution until the host grants it or time runs out. */
export const lock = (ctx: ScriptContext, kind: string) =>
  strict(ctx.services, 'Lock', {
    tryLock: (timeoutMs: number) => ctx.call('lock.acquire', kind, Number(timeoutMs)),
    waitLock: (timeoutMs: number) => {
      if (!ctx.call('lock.acquire', kind, Number(timeoutMs))) {
        throw ctx.fail('Lock timeout: another process was holding the lock for too long.');
      }
    },
    releaseLock: () => {
      ctx.call('lock.release', kind);
    },
    hasLock: () => ctx.call('lock.has', kind),
  } satisfies Partial<GoogleAppsScript.Lock.Lock>);

/** LockService: document, user and script locks, shared by every execution of the project. */
export const LockService = (ctx: ScriptContext) =>
  strict(ctx.services, 'LockService', {
    getDocumentLock: () => lock(ctx, 'document'),
    getUserLock: () => lock(ctx, 'user'),
    getScriptLock: () => lock(ctx, 'script'),
  } satisfies Partial<GoogleAppsScript.Lock.LockService>);
