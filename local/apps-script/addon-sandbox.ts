import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MessageChannel } from 'node:worker_threads';
import type { UserEnteredValue, WorkbookModel } from '../workbook';
import { AppsScriptHost, type Execution, type IdentityTokenSigner, type LockWait } from './apps-script-host';
import type { DailyQuotas } from './daily-quotas';
import { editorSeenByTrigger } from './edit-event-user';
import type { RunMessage, RunResult } from './execution-worker';
import { ExecutionWorkers } from './execution-workers';
import type {
  AlertRecord,
  DialogRecord,
  FetchRecord,
  MenuEntry,
  RangeRef,
  ToastRecord,
  TriggerView,
} from './host-views';
import { gridRectOf } from './range-ref';
import type { SentMail } from './services/mail-app';
import { serveSyncRpc } from './sync-rpc';
import { displayValueFrom, enteredValueOf } from './typed-input';

export interface AddonSandboxOptions {
  model: WorkbookModel;
  /** The spreadsheet the add-on is open in. */
  spreadsheetId: string;
  /** Folder of the built add-on: every .js file is loaded, .html files are HtmlService's files. */
  distDir: string;
  signer: IdentityTokenSigner;
  /** The `aud` of identity tokens (the add-on's OAuth client id). */
  audience: string;
  fetchTimeoutMs?: number;
  now?: () => number;
  /** PEM certificates UrlFetchApp trusts besides the public CAs: a local backend's self-signed one. */
  trustedCertificates?: readonly string[];
  /** Each user's daily quotas (daily-quotas.ts); default: a consumer account's. */
  quotasFor?: (email: string) => DailyQuotas;
}

/** An execution that ended by throwing, as the Apps Script execution log would show it. */
export class AppsScriptExecutionError extends Error {
  constructor(
    readonly fnName: string,
    readonly exceptionName: string,
    message: string,
    readonly scriptStack: string,
  ) {
    super(message);
    this.name = 'AppsScriptExecutionError';
  }
}

export interface ExecutionRecord {
  id: number;
  fnName: string;
  user: string;
  triggerUid?: string;
  /** The exception's message when the execution failed. */
  error?: string;
}

export interface EditOptions {
  /**
   * Whether the trigger's `e.user` names the editor. Default: as Google does, only when the editor is
   * the trigger's owner or in the owner's Workspace domain (editorSeenByTrigger). true: always, as if
   * they shared one Workspace (a test about a named editor says so); false: never.
   */
  reportEditor?: boolean;
}

export interface EditResult {
  /** "Metrics!G5" or "Metrics!G5:J9". */
  a1: string;
  /** The trigger executions the edit fired, finished. */
  executions: ExecutionRecord[];
}

/** Read at each use: a test may change the project's manifest between executions. */
function readManifest(distDir: string): { urlFetchWhitelist?: unknown } {
  const file = join(distDir, 'appsscript.json');
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as { urlFetchWhitelist?: unknown };
}

const PROTECTED_IN_UI =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/**
 * The add-on running offline, as people in a spreadsheet would run it: menu items and google.script.run
 * calls as the person who clicks, installable edit triggers as their owner when someone types or
 * pastes. State lives in `host` (main thread); each execution runs in a worker thread, in a fresh
 * context holding only the Apps Script globals and the bundled code.
 */
export class AddonSandbox {
  readonly host: AppsScriptHost;
  private readonly workers: ExecutionWorkers;
  private readonly records: ExecutionRecord[] = [];
  private nextExecution = 1;
  private closed = false;

  constructor(private readonly options: AddonSandboxOptions) {
    this.workers = new ExecutionWorkers(options.distDir);
    this.host = new AppsScriptHost({
      model: options.model,
      signer: options.signer,
      audience: options.audience,
      ...(options.fetchTimeoutMs === undefined ? {} : { fetchTimeoutMs: options.fetchTimeoutMs }),
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.trustedCertificates === undefined
        ? {}
        : { trustedCertificates: options.trustedCertificates }),
      manifest: () => readManifest(options.distDir),
      ...(options.quotasFor === undefined ? {} : { quotasFor: options.quotasFor }),
    });
  }

  get spreadsheetId(): string {
    return this.options.spreadsheetId;
  }

  private async execute(
    execution: Omit<Execution, 'id' | 'heldLocks'>,
    fnName: string,
    args: unknown[],
    extra: Pick<RunMessage, 'editEvent' | 'openEvent'> = {},
  ): Promise<{ record: ExecutionRecord; result: RunResult }> {
    if (this.closed) throw new Error('the add-on sandbox is closed');
    const full: Execution = { ...execution, id: this.nextExecution++, heldLocks: new Set() };
    const record: ExecutionRecord = {
      id: full.id,
      fnName,
      user: full.effectiveUser,
      ...(full.triggerUid === undefined ? {} : { triggerUid: full.triggerUid }),
    };
    this.records.push(record);
    const { port1, port2 } = new MessageChannel();
    const shared = new SharedArrayBuffer(4);
    serveSyncRpc(port1, shared, (request) => this.host.handle(full, request.op, request.args));
    const result = await this.workers.run({
      executionId: full.id,
      spreadsheetId: full.spreadsheetId,
      fnName,
      args,
      ...extra,
      port: port2,
      shared,
    });
    port1.close();
    this.host.endExecution(full);
    this.host.logs.push(...result.logs);
    if (!result.ok) record.error = result.message;
    return { record, result };
  }

  /**
   * `fnName` run as `email` clicking a menu item or a page calling google.script.run: it runs as them
   * and, as the authorisation dialog would have asked them, they have granted the add-on's scopes.
   */
  async run(email: string, fnName: string, ...args: unknown[]): Promise<unknown> {
    const who = email.toLowerCase();
    this.host.authorize(who);
    const { result } = await this.execute(
      { spreadsheetId: this.spreadsheetId, activeUser: who, effectiveUser: who },
      fnName,
      args,
    );
    if (!result.ok) throw new AppsScriptExecutionError(fnName, result.name, result.message, result.stack);
    return result.value;
  }

  /** The spreadsheet opened by `email`: the add-on's onOpen runs as a simple trigger (AuthMode.LIMITED). */
  async open(email: string): Promise<void> {
    const who = email.toLowerCase();
    // A simple trigger: AuthMode.LIMITED, and e.user blank (User.getEmail: not available "in any
    // context that allows a script to run without that user's authorization, like a simple onOpen").
    const { result } = await this.execute(
      { spreadsheetId: this.spreadsheetId, activeUser: who, effectiveUser: who, mode: 'simple-trigger' },
      'onOpen',
      [],
      { openEvent: { user: '', authMode: 'LIMITED' } },
    );
    if (!result.ok) throw new AppsScriptExecutionError('onOpen', result.name, result.message, result.stack);
  }

  /** `email` types `text` into one cell, as in the Sheets UI: protection applies, then edit triggers fire. */
  typeAs(email: string, a1: string, text: string, options: EditOptions = {}): Promise<EditResult> {
    return this.edit(email, a1, [[text]], options);
  }

  /** `email` pastes a block of cells whose top-left corner is `a1`. */
  pasteAs(
    email: string,
    a1: string,
    values: (string | number | boolean)[][],
    options: EditOptions = {},
  ): Promise<EditResult> {
    return this.edit(email, a1, values, options);
  }

  private async edit(
    email: string,
    a1: string,
    values: (string | number | boolean)[][],
    options: EditOptions,
  ): Promise<EditResult> {
    const who = email.toLowerCase();
    const model = this.options.model;
    const spreadsheet = model.get(this.spreadsheetId);
    const corner = this.host.rangeFromA1(spreadsheet, a1, spreadsheet.sheets()[0]?.sheetId ?? 0);
    const range: RangeRef = {
      ...corner,
      numRows: values.length,
      numColumns: Math.max(1, ...values.map((line) => line.length)),
    };
    const target = this.host.rangeFromA1(spreadsheet, this.host.a1Of(spreadsheet, range), range.sheetId);
    const where = this.host.a1Of(spreadsheet, target);
    if (!model.isSharedWith(this.spreadsheetId, who)) {
      throw new Error(`${email} cannot edit ${where}: the spreadsheet is not shared with them.`);
    }
    try {
      this.host.requireEditableBy(this.spreadsheetId, who, target);
    } catch {
      throw new Error(`${where}: ${PROTECTED_IN_UI}`);
    }
    const sheet = spreadsheet.sheetById(target.sheetId);
    const single = target.numRows === 1 && target.numColumns === 1;
    const rect = gridRectOf(target);
    const before = sheet.getValue(rect.startRow, rect.startColumn);
    values.forEach((line, r) => {
      line.forEach((value, c) => {
        const row = rect.startRow + r;
        const column = rect.startColumn + c;
        const format = sheet.getFormat(row, column);
        const entered: UserEnteredValue | undefined =
          typeof value === 'string'
            ? enteredValueOf(value, format)
            : typeof value === 'number'
              ? { numberValue: value }
              : { boolValue: value };
        sheet.setValue(row, column, entered);
      });
    });
    model.changed();
    const executions: ExecutionRecord[] = [];
    // Every installable edit trigger of the document fires, each as its owner.
    for (const trigger of this.host.editTriggersOf(this.spreadsheetId)) {
      const editEvent: NonNullable<RunMessage['editEvent']> = {
        range: target,
        user: (options.reportEditor ?? editorSeenByTrigger(who, trigger.owner)) ? who : '',
        authMode: 'FULL',
        triggerUid: trigger.uniqueId,
      };
      if (single) {
        const after = sheet.getValue(rect.startRow, rect.startColumn);
        if (after !== undefined) editEvent.value = displayValueFrom(after);
        if (before !== undefined) editEvent.oldValue = displayValueFrom(before);
      }
      const refusal = this.host.quotas.triggerRefusal(trigger.owner);
      if (refusal !== '') {
        // The owner's triggers have used their runtime for the day: Apps Script fails it unrun.
        const refused: ExecutionRecord = {
          id: this.nextExecution++,
          fnName: trigger.handlerFunction,
          user: trigger.owner,
          triggerUid: trigger.uniqueId,
          error: refusal,
        };
        this.records.push(refused);
        executions.push(refused);
        continue;
      }
      const started = performance.now();
      const { record } = await this.execute(
        {
          spreadsheetId: this.spreadsheetId,
          activeUser: trigger.owner,
          effectiveUser: trigger.owner,
          triggerUid: trigger.uniqueId,
          mode: 'installable-trigger',
        },
        trigger.handlerFunction,
        [],
        { editEvent },
      );
      this.host.quotas.addTriggerRuntime(trigger.owner, performance.now() - started);
      executions.push(record);
    }
    return { a1: where, executions };
  }

  // ---- what tests read and steer ----

  /** The items of the add-on menu the last onOpen built. */
  menu(): MenuEntry[] {
    const menus = this.host.menus.filter((menu) => menu.kind === 'addon');
    return menus[menus.length - 1]?.items ?? [];
  }
  alerts(): AlertRecord[] {
    return [...this.host.alerts];
  }
  dialogs(): DialogRecord[] {
    return [...this.host.dialogs];
  }
  toasts(): ToastRecord[] {
    return [...this.host.toasts];
  }
  fetches(): FetchRecord[] {
    return [...this.host.fetches];
  }
  /** What MailApp sent, in order, each with its sender. */
  mails(): SentMail[] {
    return this.host.mails.map((mail) => ({ ...mail }));
  }
  logs(): string[] {
    return [...this.host.logs];
  }
  /** `email` clicks a cell or selects a range ("Metrics!D7"): what getActiveRange answers as them. */
  select(email: string, a1: string): void {
    this.host.selections.push({ user: email.toLowerCase(), a1 });
  }
  selections(): { user: string; a1: string }[] {
    return [...this.host.selections];
  }
  executions(): ExecutionRecord[] {
    return this.records.map((record) => ({ ...record }));
  }
  triggers(): (TriggerView & { owner: string })[] {
    return this.host.triggers();
  }
  documentProperties(): Record<string, string> {
    return Object.fromEntries(this.host.propertyStore('document', this.spreadsheetId));
  }
  answerNextAlert(button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE'): void {
    this.host.answerNextAlert(button);
  }
  answerNextPrompt(button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE', text: string): void {
    this.host.answerNextPrompt(button, text);
  }
  /** Resolves when an execution next waits for a lock (LockService) another execution holds. */
  nextLockWait(): Promise<LockWait> {
    return this.host.nextLockWait();
  }
  /** Every pending wait for a lock runs out now: tryLock answers false, as after its timeout. */
  expireLockWaits(): number {
    return this.host.expireLockWaits();
  }
  authorize(email: string): void {
    this.host.authorize(email);
  }
  revokeAuthorization(email: string): void {
    this.host.revokeAuthorization(email);
  }

  /** The owner removes every protection over `a1` (as in Data › Protect sheets and ranges). */
  unprotect(a1: string): number {
    const spreadsheet = this.options.model.get(this.spreadsheetId);
    const range = this.host.rangeFromA1(spreadsheet, a1, spreadsheet.sheets()[0]?.sheetId ?? 0);
    const rect = gridRectOf(range);
    let removed = 0;
    for (const protection of spreadsheet.protectedRanges()) {
      const r = protection.range;
      if ((r.sheetId ?? 0) !== range.sheetId) continue;
      const overlaps =
        (r.startRowIndex ?? 0) < rect.endRow &&
        (r.endRowIndex ?? Number.POSITIVE_INFINITY) > rect.startRow &&
        (r.startColumnIndex ?? 0) < rect.endColumn &&
        (r.endColumnIndex ?? Number.POSITIVE_INFINITY) > rect.startColumn;
      if (!overlaps) continue;
      spreadsheet.deleteProtectedRange(protection.protectedRangeId);
      removed += 1;
    }
    this.options.model.changed();
    return removed;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.workers.close();
  }
}

export async function startAddonSandbox(options: AddonSandboxOptions): Promise<AddonSandbox> {
  if (!existsSync(join(options.distDir, 'Code.js')) && !existsSync(options.distDir)) {
    throw new Error(`${options.distDir}: no built add-on there (run npm run build:addon)`);
  }
  options.model.get(options.spreadsheetId);
  return new AddonSandbox(options);
}
