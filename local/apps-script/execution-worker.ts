import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext, Script } from 'node:vm';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { buildAppsScriptGlobals, type HostCall } from './apps-script-globals';
import type { RangeRef } from './host-views';
import { EXECUTION_LIMIT_MS, SyncRpcClient } from './sync-rpc';

/**
 * One worker thread runs one Apps Script execution at a time, each in a FRESH vm context holding only
 * the Apps Script globals and the add-on's bundled files, as Apps Script starts every execution anew.
 * It blocks on the host for every service call, so the add-on's synchronous code runs unchanged.
 */
export interface RunMessage {
  executionId: number;
  spreadsheetId: string;
  fnName: string;
  args: unknown[];
  /** An installable trigger's event: built here, with live objects, as Apps Script passes it. */
  editEvent?: {
    range: RangeRef;
    value?: string;
    oldValue?: string;
    user: string;
    authMode: string;
    triggerUid: string;
  };
  openEvent?: { user: string; authMode: string };
  port: MessagePort;
  shared: SharedArrayBuffer;
}

export type RunResult =
  | { executionId: number; ok: true; value: unknown; logs: string[] }
  | { executionId: number; ok: false; name: string; message: string; stack: string; logs: string[] };

const distDir = (workerData as { distDir: string }).distDir;
const compiled = new Map<string, { mtimeMs: number; script: Script }>();

/** Apps Script loads every .gs/.js file of the project into one global scope, in file order. */
function projectScripts(): Script[] {
  const files = readdirSync(distDir)
    .filter((name) => name.endsWith('.js'))
    .sort();
  return files.map((name) => {
    const path = join(distDir, name);
    const { mtimeMs } = statSync(path);
    const known = compiled.get(path);
    if (known !== undefined && known.mtimeMs === mtimeMs) return known.script;
    const script = new Script(readFileSync(path, 'utf8'), { filename: path });
    compiled.set(path, { mtimeMs, script });
    return script;
  });
}

function cloneable(value: unknown): unknown {
  if (value === undefined) return undefined;
  try {
    return structuredClone(value);
  } catch {
    return JSON.parse(JSON.stringify(value));
  }
}

function run(message: RunMessage): RunResult {
  const logs: string[] = [];
  const rpc = new SyncRpcClient(message.port, message.shared, Date.now() + EXECUTION_LIMIT_MS);
  let ContextError: ErrorConstructor = Error;
  const makeError = (text: string) => {
    const error = new ContextError(text);
    // Apps Script's service errors print as "Exception: ...".
    error.name = 'Exception';
    return error;
  };
  let context: Record<string, unknown> = {};
  const { globals, facades } = buildAppsScriptGlobals({
    // The thread boundary carries plain messages: the host checks the name again on its side.
    call: ((op: string, ...args: unknown[]) => rpc.call(op, args, makeError)) as HostCall,
    makeError,
    spreadsheetId: message.spreadsheetId,
    distDir,
    evaluateInContext: (code) => runInContext(code, context),
    log: (line) => logs.push(line),
  });
  context = createContext({ ...globals });
  ContextError = runInContext('Error', context) as ErrorConstructor;
  try {
    for (const script of projectScripts()) script.runInContext(context);
    const fn = context[message.fnName];
    if (typeof fn !== 'function') throw makeError(`Script function not found: ${message.fnName}`);
    const args = [...message.args];
    if (message.editEvent !== undefined) {
      const { range, value, oldValue, user, authMode, triggerUid } = message.editEvent;
      const event: Record<string, unknown> = {
        source: facades.spreadsheet(),
        range: facades.range(range),
        user: facades.user(user),
        authMode,
        triggerUid,
      };
      if (value !== undefined) event.value = value;
      if (oldValue !== undefined) event.oldValue = oldValue;
      args.unshift(event);
    } else if (message.openEvent !== undefined) {
      args.unshift({
        source: facades.spreadsheet(),
        user: facades.user(message.openEvent.user),
        authMode: message.openEvent.authMode,
      });
    }
    const value = (fn as (...rest: unknown[]) => unknown)(...args);
    return { executionId: message.executionId, ok: true, value: cloneable(value), logs };
  } catch (error) {
    const failure = error as { name?: unknown; message?: unknown; stack?: unknown };
    return {
      executionId: message.executionId,
      ok: false,
      name: String(failure?.name ?? 'Error'),
      message: String(failure?.message ?? error),
      stack: String(failure?.stack ?? ''),
      logs,
    };
  } finally {
    message.port.close();
  }
}

parentPort?.on('message', (message: RunMessage) => {
  parentPort?.postMessage(run(message));
});
