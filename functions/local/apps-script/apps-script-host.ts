import { createHash, randomUUID } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import {
  boundsOfGridRange,
  formatA1,
  type GridRect,
  type LocatedMetadata,
  type MetadataAnchor,
  type MetadataQuery,
  type ProtectedRangeData,
  parseA1,
  rectColumns,
  rectRows,
  type Sheet,
  type Spreadsheet,
  type WorkbookModel,
} from '../workbook';
import { backgroundOf, withBackground } from './colours';
import { CONSUMER_QUOTAS, DailyQuotaLedger, type DailyQuotas } from './daily-quotas';
import type {
  AlertRecord,
  DialogRecord,
  FetchRecord,
  MenuRecord,
  MetadataView,
  ProtectionView,
  RangeRef,
  ToastRecord,
  TriggerView,
} from './host-views';
import { displayValueFrom, scriptValueAt, scriptValueOf } from './typed-input';
import { notAllowlisted, urlAllowlistOf } from './url-fetch-allowlist';
import { utf8Bytes } from './utf8';

/** Signs identity tokens as ScriptApp.getIdentityToken() returns them (the tests' own key pair). */
export interface IdentityTokenSigner {
  sign(claims: Record<string, unknown>): string;
}

/** One run of Apps Script code: who it runs as and what it holds, as the main thread tracks it. */
export interface Execution {
  id: number;
  spreadsheetId: string;
  /** Session.getActiveUser(). */
  activeUser: string;
  /** Session.getEffectiveUser(): whose permissions, token and triggers apply. */
  effectiveUser: string;
  triggerUid?: string;
  /**
   * How it started: a person's click or page call ('user', the default), a simple trigger (onOpen:
   * AuthMode.LIMITED, no service that needs authorisation), or an installable trigger (no UI).
   */
  mode?: 'user' | 'simple-trigger' | 'installable-trigger';
  activeSheetId?: number;
  heldLocks: Set<string>;
}

export interface AppsScriptHostOptions {
  model: WorkbookModel;
  signer: IdentityTokenSigner;
  /** The `aud` of identity tokens: the script's OAuth client id. */
  audience: string;
  /** UrlFetchApp's deadline; Apps Script's own is about 60 s. */
  fetchTimeoutMs?: number;
  /** Clock of CacheService expirations. */
  now?: () => number;
  timeZone?: string;
  /** The project's manifest (appsscript.json) as it is now: UrlFetchApp obeys its urlFetchWhitelist. */
  manifest: () => { urlFetchWhitelist?: unknown };
  /** PEM certificates UrlFetchApp trusts besides the public CAs (a local backend's self-signed one). */
  trustedCertificates?: readonly string[];
  /** Each user's daily quotas; default: a consumer account's (the stricter reading). */
  quotasFor?: (email: string) => DailyQuotas;
}

/** Apps Script's quotas: 9 KB a property value, 500 KB a property store. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

type PropertyScope = 'document' | 'user' | 'script';

/**
 * A simple trigger runs with AuthMode.LIMITED: services that need the user's authorisation throw
 * (https://developers.google.com/apps-script/guides/triggers#restrictions: simple triggers "cannot
 * access services that require authorization"), with Apps Script's usual wording.
 */
const notAuthorizedInSimpleTrigger = (method: string, scope: string) =>
  `You do not have permission to call ${method}. Required permissions: ${scope}`;
const NO_UI_HERE = 'Cannot call SpreadsheetApp.getUi() from this context.';

const PROTECTED_CELL =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

interface LockWaiter {
  executionId: number;
  grant: () => void;
  expire: () => void;
}

interface LockState {
  holder: number | undefined;
  waiters: LockWaiter[];
}

/** An execution that asked for a lock another execution holds, and is now waiting for it. */
export interface LockWait {
  executionId: number;
  /** "document:<spreadsheet id>", "user:<email>" or "script". */
  scope: string;
}

/**
 * Everything an Apps Script project holds between executions, on the main thread: the workbook model
 * (shared with the local Sheets API), properties, cache, locks, triggers, authorisations, what the UI
 * showed, and the requests UrlFetchApp made. Executions in worker threads reach it through `handle`.
 */
export class AppsScriptHost {
  readonly model: WorkbookModel;
  private readonly signer: IdentityTokenSigner;
  private readonly audience: string;
  readonly fetchTimeoutMs: number;
  private readonly now: () => number;
  readonly timeZone: string;
  private readonly manifest: () => { urlFetchWhitelist?: unknown };
  private readonly trustedCertificates: readonly string[];
  /** UrlFetch calls and trigger runtime per user per 24 hours, against their quotas. */
  readonly quotas: DailyQuotaLedger;

  private readonly properties = new Map<string, Map<string, string>>();
  private readonly caches = new Map<string, Map<string, { value: string; expiresAt: number }>>();
  private readonly locks = new Map<string, LockState>();
  private readonly triggerList: (TriggerView & { owner: string })[] = [];
  private readonly authorized = new Set<string>();
  readonly menus: MenuRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly fetches: FetchRecord[] = [];
  readonly logs: string[] = [];
  readonly selections: { user: string; a1: string }[] = [];
  private readonly alertAnswers: string[] = [];
  private lockWaitListeners: ((wait: LockWait) => void)[] = [];
  private readonly promptAnswers: { button: string; text: string }[] = [];
  /** Host operations by name ("range.values", "url.fetch"…): each is one call to a Google service. */
  private readonly serviceCalls = new Map<string, number>();

  constructor(options: AppsScriptHostOptions) {
    this.model = options.model;
    this.signer = options.signer;
    this.audience = options.audience;
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.timeZone = options.timeZone ?? 'Etc/UTC';
    this.manifest = options.manifest;
    this.trustedCertificates = options.trustedCertificates ?? [];
    this.quotas = new DailyQuotaLedger(options.quotasFor ?? (() => CONSUMER_QUOTAS), this.now);
  }

  // ---- what tests steer ----

  authorize(email: string): void {
    this.authorized.add(email.toLowerCase());
  }
  revokeAuthorization(email: string): void {
    this.authorized.delete(email.toLowerCase());
  }
  isAuthorized(email: string): boolean {
    return this.authorized.has(email.toLowerCase());
  }
  /** The button the next alert returns ("OK", "YES", "NO", "CANCEL", "CLOSE"). */
  answerNextAlert(button: string): void {
    this.alertAnswers.push(button);
  }
  answerNextPrompt(button: string, text: string): void {
    this.promptAnswers.push({ button, text });
  }
  propertyStore(scope: PropertyScope, owner: string): Map<string, string> {
    const key = `${scope}:${owner.toLowerCase()}`;
    let store = this.properties.get(key);
    if (store === undefined) {
      store = new Map();
      this.properties.set(key, store);
    }
    return store;
  }
  /** Resolves when an execution next starts waiting for a lock that another execution holds. */
  nextLockWait(): Promise<LockWait> {
    return new Promise((resolve) => this.lockWaitListeners.push(resolve));
  }
  /**
   * As if every pending wait for a lock ran out of time now: their tryLock answers false (waitLock
   * throws). Lets a test reach the "lock busy" path without waiting out the add-on's real timeout.
   */
  expireLockWaits(): number {
    let expired = 0;
    for (const state of this.locks.values()) {
      const waiters = state.waiters;
      state.waiters = [];
      for (const waiter of waiters) waiter.expire();
      expired += waiters.length;
    }
    return expired;
  }
  /**
   * Service calls since the last reset, by host operation. SpreadsheetApp's are the ones named "ss.",
   * "sheet.", "range.", "metadata." and "protection.": methods answered from the object itself
   * (Range.getRow, getNumColumns…) cost no call and are not counted.
   */
  serviceCallCounts(): Record<string, number> {
    return Object.fromEntries(this.serviceCalls);
  }
  resetServiceCallCounts(): void {
    this.serviceCalls.clear();
  }
  /** Bytes (UTF-8 keys and values) of every property store, as "document:<id>", "user:<email>", "script:script". */
  propertyStoreBytes(): Record<string, number> {
    return Object.fromEntries(
      [...this.properties].map(([name, store]) => [name, AppsScriptHost.storeBytes(store)]),
    );
  }
  triggers(): (TriggerView & { owner: string })[] {
    return this.triggerList.map((trigger) => ({ ...trigger }));
  }
  editTriggersOf(spreadsheetId: string): (TriggerView & { owner: string })[] {
    return this.triggers().filter(
      (trigger) => trigger.eventType === 'ON_EDIT' && trigger.triggerSourceId === spreadsheetId,
    );
  }

  /** Apps Script releases whatever an execution still holds when it ends. */
  endExecution(execution: Execution): void {
    for (const scope of execution.heldLocks) this.releaseLock(execution, scope);
  }

  // ---- the RPC entry point ----

  /** `op` and `args` come from the worker thread's message, so they are checked here, not typed. */
  handle(execution: Execution, op: string, args: unknown[]): unknown {
    if (!Object.hasOwn(this.ops, op))
      throw new Error(`va-assess Apps Script double: unknown host operation ${op}`);
    this.serviceCalls.set(op, (this.serviceCalls.get(op) ?? 0) + 1);
    const handler = this.ops[op as HostOperationName] as (
      execution: Execution,
      ...rest: unknown[]
    ) => unknown;
    return handler(execution, ...args);
  }

  // ---- spreadsheet helpers ----

  private spreadsheetFor(execution: Execution): Spreadsheet {
    const spreadsheet = this.model.get(execution.spreadsheetId);
    if (!this.model.isSharedWith(execution.spreadsheetId, execution.effectiveUser)) {
      throw new Error(
        `You do not have permission to access the requested document (${execution.effectiveUser} is not an editor of it).`,
      );
    }
    return spreadsheet;
  }

  private sheetFor(execution: Execution, sheetId: number): Sheet {
    const sheet = this.spreadsheetFor(execution).findSheetById(sheetId);
    if (sheet === undefined) throw new Error(`The sheet with id ${sheetId} no longer exists.`);
    return sheet;
  }

  private activeSheetId(execution: Execution): number {
    const sheets = this.spreadsheetFor(execution).sheets();
    if (execution.activeSheetId !== undefined && sheets.some((s) => s.sheetId === execution.activeSheetId)) {
      return execution.activeSheetId;
    }
    const first = sheets[0];
    if (first === undefined) throw new Error('The spreadsheet has no sheet.');
    return first.sheetId;
  }

  /** A1 → a bounded rectangle, "A:A" reaching the last row, as SpreadsheetApp resolves it. */
  rangeFromA1(spreadsheet: Spreadsheet, a1: string, defaultSheetId: number): RangeRef {
    const parsed = parseA1(a1);
    let sheet: Sheet | undefined;
    if (parsed.sheetTitle !== undefined) {
      sheet = spreadsheet.findSheetByTitle(parsed.sheetTitle);
      if (sheet === undefined) throw new Error(`Range not found: ${a1}`);
    } else {
      sheet = spreadsheet.sheetById(defaultSheetId);
    }
    const rect = sheet.rectWithin(parsed);
    return this.checkedRange(sheet, {
      sheetId: sheet.sheetId,
      row: rect.startRow + 1,
      column: rect.startColumn + 1,
      numRows: rectRows(rect),
      numColumns: rectColumns(rect),
    });
  }

  private checkedRange(sheet: Sheet, range: RangeRef): RangeRef {
    if (range.row < 1 || range.column < 1) {
      throw new Error(
        `The starting row and column of the range must be at least 1 (got row ${range.row}, column ${range.column}).`,
      );
    }
    if (range.numRows < 1 || range.numColumns < 1) {
      throw new Error(
        `The number of rows and columns in the range must be at least 1 (got ${range.numRows} × ${range.numColumns}).`,
      );
    }
    if (
      range.row + range.numRows - 1 > sheet.rowCount ||
      range.column + range.numColumns - 1 > sheet.columnCount
    ) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return range;
  }

  static rect(range: RangeRef): GridRect {
    return {
      sheetId: range.sheetId,
      startRow: range.row - 1,
      endRow: range.row - 1 + range.numRows,
      startColumn: range.column - 1,
      endColumn: range.column - 1 + range.numColumns,
    };
  }

  a1Of(spreadsheet: Spreadsheet, range: RangeRef): string {
    return formatA1(spreadsheet.sheetById(range.sheetId).title, AppsScriptHost.rect(range));
  }

  /** Scripts edit as their effective user: a protected cell refuses them as it refuses the UI. */
  private requireEditable(execution: Execution, range: RangeRef): void {
    this.requireEditableBy(execution.spreadsheetId, execution.effectiveUser, range);
  }

  requireEditableBy(spreadsheetId: string, email: string, range: RangeRef): void {
    for (let row = range.row - 1; row < range.row - 1 + range.numRows; row++) {
      for (let column = range.column - 1; column < range.column - 1 + range.numColumns; column++) {
        if (!this.model.canEdit(spreadsheetId, email, range.sheetId, row, column))
          throw new Error(PROTECTED_CELL);
      }
    }
  }

  private grid<T>(range: RangeRef, read: (row: number, column: number) => T): T[][] {
    const rows: T[][] = [];
    for (let r = 0; r < range.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < range.numColumns; c++) line.push(read(range.row - 1 + r, range.column - 1 + c));
      rows.push(line);
    }
    return rows;
  }

  private checkShape(range: RangeRef, values: unknown): unknown[][] {
    if (!Array.isArray(values) || values.some((line) => !Array.isArray(line))) {
      throw new Error(
        "The parameters (String) don't match the method signature: expected a two-dimensional array.",
      );
    }
    const grid = values as unknown[][];
    if (grid.length !== range.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${range.numRows}.`,
      );
    }
    for (const line of grid) {
      if (line.length !== range.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${range.numColumns}.`,
        );
      }
    }
    return grid;
  }

  private writeCells(
    execution: Execution,
    range: RangeRef,
    values: unknown,
    write: (sheet: Sheet, row: number, column: number, value: unknown) => void,
  ): void {
    const grid = this.checkShape(range, values);
    this.requireEditable(execution, range);
    const sheet = this.sheetFor(execution, range.sheetId);
    grid.forEach((line, r) => {
      line.forEach((value, c) => {
        write(sheet, range.row - 1 + r, range.column - 1 + c, value);
      });
    });
    this.model.changed();
  }

  private metadataView(metadata: LocatedMetadata): MetadataView {
    return {
      id: metadata.metadataId,
      key: metadata.metadataKey,
      value: metadata.metadataValue ?? null,
      visibility: metadata.visibility,
      location: metadata.location,
    };
  }

  private protectionView(spreadsheet: Spreadsheet, data: ProtectedRangeData): ProtectionView {
    const sheet = spreadsheet.sheetById(data.range.sheetId ?? 0);
    const bounded = (range: ProtectedRangeData['range']): RangeRef => {
      const rect = sheet.rectWithin(boundsOfGridRange(range));
      return {
        sheetId: sheet.sheetId,
        row: rect.startRow + 1,
        column: rect.startColumn + 1,
        numRows: rectRows(rect),
        numColumns: rectColumns(rect),
      };
    };
    const wholeSheet =
      data.range.startRowIndex == null &&
      data.range.endRowIndex == null &&
      data.range.startColumnIndex == null &&
      data.range.endColumnIndex == null;
    return {
      id: data.protectedRangeId,
      type: wholeSheet ? 'SHEET' : 'RANGE',
      sheetId: sheet.sheetId,
      range: bounded(data.range),
      description: data.description ?? '',
      warningOnly: data.warningOnly,
      editors: [...data.editors.users],
      unprotected: (data.unprotectedRanges ?? []).map(bounded),
    };
  }

  private requireProtectionEditor(
    execution: Execution,
    spreadsheet: Spreadsheet,
    id: number,
  ): ProtectedRangeData {
    const data = spreadsheet.protectedRangeById(id);
    const who = execution.effectiveUser.toLowerCase();
    if (who !== spreadsheet.owner && !data.editors.users.includes(who)) {
      throw new Error(
        `${execution.effectiveUser} may not change this protection: only its editors and the owner may.`,
      );
    }
    return data;
  }

  // ---- locks ----

  private lockState(scope: string): LockState {
    let state = this.locks.get(scope);
    if (state === undefined) {
      state = { holder: undefined, waiters: [] };
      this.locks.set(scope, state);
    }
    return state;
  }

  private acquireLock(execution: Execution, scope: string, timeoutMs: number): Promise<boolean> {
    const state = this.lockState(scope);
    if (state.holder === execution.id) return Promise.resolve(true);
    if (state.holder === undefined) {
      state.holder = execution.id;
      execution.heldLocks.add(scope);
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const waiter: LockWaiter = {
        executionId: execution.id,
        grant: () => {
          clearTimeout(timer);
          execution.heldLocks.add(scope);
          resolve(true);
        },
        expire: () => {
          clearTimeout(timer);
          resolve(false);
        },
      };
      const timer = setTimeout(
        () => {
          state.waiters = state.waiters.filter((candidate) => candidate !== waiter);
          resolve(false);
        },
        Math.max(0, timeoutMs),
      );
      state.waiters.push(waiter);
      const listeners = this.lockWaitListeners;
      this.lockWaitListeners = [];
      for (const listener of listeners) listener({ executionId: execution.id, scope });
    });
  }

  private releaseLock(execution: Execution, scope: string): void {
    const state = this.lockState(scope);
    execution.heldLocks.delete(scope);
    if (state.holder !== execution.id) return;
    const next = state.waiters.shift();
    state.holder = next?.executionId;
    next?.grant();
  }

  private lockScope(execution: Execution, kind: string): string {
    if (kind === 'document') return `document:${execution.spreadsheetId}`;
    if (kind === 'user') return `user:${execution.effectiveUser}`;
    return 'script';
  }

  // ---- properties ----

  private storeFor(execution: Execution, scope: PropertyScope): Map<string, string> {
    if (scope === 'document') return this.propertyStore('document', execution.spreadsheetId);
    if (scope === 'user') return this.propertyStore('user', execution.effectiveUser);
    return this.propertyStore('script', 'script');
  }

  private static storeBytes(store: Map<string, string>): number {
    let bytes = 0;
    for (const [key, value] of store) bytes += utf8Bytes(key) + utf8Bytes(value);
    return bytes;
  }

  // ---- UrlFetchApp ----

  private async fetchUrl(
    url: string,
    params: Record<string, unknown>,
  ): Promise<{ status: number; headers: Record<string, string>; text: string }> {
    const allowlist = urlAllowlistOf(this.manifest());
    if (allowlist.problem !== '') throw new Error(allowlist.problem);
    if (!allowlist.admits(url)) throw new Error(notAllowlisted(url));
    let method = String(params.method ?? 'get').toUpperCase();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(
      (params.headers as Record<string, unknown> | undefined) ?? {},
    )) {
      headers[name] = String(value);
    }
    let body: string | undefined;
    const payload = params.payload;
    if (payload !== undefined && payload !== null) {
      if (typeof payload === 'string') body = payload;
      else if (typeof payload === 'object' && !Array.isArray(payload)) {
        body = new URLSearchParams(
          Object.entries(payload).map(([k, v]): [string, string] => [k, String(v)]),
        ).toString();
        headers['content-type'] ??= 'application/x-www-form-urlencoded';
      } else {
        throw new Error(
          'UrlFetchApp.fetch with a byte-array payload is not implemented by the va-assess Apps Script double',
        );
      }
      headers['content-type'] = String(
        params.contentType ?? headers['content-type'] ?? 'application/x-www-form-urlencoded',
      );
    }
    const record: FetchRecord = { method, url, ...(body === undefined ? {} : { body }) };
    this.fetches.push(record);
    let target = url;
    for (let hops = 0; ; hops += 1) {
      let answer: { status: number; headers: Record<string, string>; text: string };
      try {
        answer = await this.httpsExchange(
          target,
          method,
          headers,
          body,
          params.validateHttpsCertificates !== false,
        );
      } catch (error) {
        const timedOut =
          error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        record.error = timedOut ? 'timeout' : 'unreachable';
        throw new Error(timedOut ? `Timeout: ${target}` : `Address unavailable: ${target}`);
      }
      const location = answer.headers.location;
      if (params.followRedirects !== false && answer.status >= 300 && answer.status < 400 && location) {
        if (hops >= 10) throw new Error(`Too many redirects: ${url}`);
        target = new URL(location, target).toString();
        // Unknown whether Apps Script checks a redirect's target against the allowlist: the double does.
        if (!allowlist.admits(target)) throw new Error(notAllowlisted(target));
        if (answer.status === 303 || (answer.status !== 307 && answer.status !== 308 && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      record.status = answer.status;
      if (answer.status >= 400 && params.muteHttpExceptions !== true) {
        throw new Error(
          `Request failed for ${url} returned code ${answer.status}. Truncated server response: ${answer.text.slice(0, 200)} (use muteHttpExceptions option to examine full response)`,
        );
      }
      return answer;
    }
  }

  /** One request over TLS, trusting the public CAs and the certificate the sandbox was given. */
  private httpsExchange(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    validateCertificates: boolean,
  ): Promise<{ status: number; headers: Record<string, string>; text: string }> {
    return new Promise((resolve, reject) => {
      const request = httpsRequest(
        url,
        {
          method,
          headers: {
            ...headers,
            ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }),
          },
          ...(this.trustedCertificates.length === 0
            ? {}
            : { ca: [...rootCertificates, ...this.trustedCertificates] }),
          rejectUnauthorized: validateCertificates,
          signal: AbortSignal.timeout(this.fetchTimeoutMs),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const answerHeaders: Record<string, string> = {};
            for (const [name, value] of Object.entries(response.headers)) {
              if (value !== undefined) answerHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
            }
            resolve({
              status: response.statusCode ?? 0,
              headers: answerHeaders,
              text: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  // ---- every operation an execution may ask for ----

  private readonly ops = {
    'session.info': (execution: Execution) => ({
      // User.getEmail: "not available in any context that allows a script to run without that user's
      // authorization, like a simple onOpen(e)".
      activeUser: execution.mode === 'simple-trigger' ? '' : execution.activeUser,
      effectiveUser: execution.effectiveUser,
      timeZone: this.timeZone,
    }),

    'ss.info': (execution: Execution) => {
      const spreadsheet = this.spreadsheetFor(execution);
      return {
        id: spreadsheet.id,
        name: spreadsheet.data.properties.title,
        locale: spreadsheet.data.properties.locale,
        timeZone: spreadsheet.data.properties.timeZone,
      };
    },
    'ss.sheets': (execution: Execution) =>
      this.spreadsheetFor(execution)
        .sheets()
        .map((sheet) => sheet.sheetId),
    'ss.sheetByName': (execution: Execution, name: string) => {
      const sheet = this.spreadsheetFor(execution)
        .sheets()
        .find((candidate) => candidate.title === name);
      return sheet?.sheetId ?? null;
    },
    'ss.activeSheet': (execution: Execution) => this.activeSheetId(execution),
    'ss.range': (execution: Execution, a1: string) =>
      this.rangeFromA1(this.spreadsheetFor(execution), a1, this.activeSheetId(execution)),
    'ss.toast': (execution: Execution, message: string, title: string, timeoutSeconds: number) => {
      this.toasts.push({ user: execution.activeUser, message, title, timeoutSeconds });
    },

    'sheet.info': (execution: Execution, sheetId: number) => {
      const sheet = this.sheetFor(execution, sheetId);
      let lastRow = 0;
      let lastColumn = 0;
      sheet.data.rows.forEach((row, index) => {
        row.cells.forEach((cell, column) => {
          if (cell.userEnteredValue !== undefined) {
            lastRow = Math.max(lastRow, index + 1);
            lastColumn = Math.max(lastColumn, column + 1);
          }
        });
      });
      return {
        name: sheet.title,
        index: sheet.data.properties.index,
        maxRows: sheet.rowCount,
        maxColumns: sheet.columnCount,
        lastRow,
        lastColumn,
      };
    },
    'sheet.range': (
      execution: Execution,
      sheetId: number,
      spec: string | [number, number, number, number],
    ) => {
      const spreadsheet = this.spreadsheetFor(execution);
      const sheet = this.sheetFor(execution, sheetId);
      if (typeof spec === 'string') return this.rangeFromA1(spreadsheet, spec, sheetId);
      const [row, column, numRows, numColumns] = spec;
      return this.checkedRange(sheet, { sheetId, row, column, numRows, numColumns });
    },
    'sheet.activate': (execution: Execution, sheetId: number) => {
      this.sheetFor(execution, sheetId);
      execution.activeSheetId = sheetId;
    },

    'range.a1': (execution: Execution, range: RangeRef) =>
      this.a1Of(this.spreadsheetFor(execution), range).split('!')[1] ?? '',
    'range.values': (execution: Execution, range: RangeRef) => {
      const sheet = this.sheetFor(execution, range.sheetId);
      const timeZone = this.spreadsheetFor(execution).data.properties.timeZone;
      return this.grid(range, (row, column) =>
        scriptValueAt(sheet.getValue(row, column), sheet.getFormat(row, column), timeZone),
      );
    },
    'range.displayValues': (execution: Execution, range: RangeRef) => {
      const sheet = this.sheetFor(execution, range.sheetId);
      return this.grid(range, (row, column) => displayValueFrom(sheet.getValue(row, column)));
    },
    'range.setValues': (execution: Execution, range: RangeRef, values: unknown[][]) =>
      this.writeCells(execution, range, values, (sheet, row, column, value) =>
        sheet.setValue(row, column, scriptValueOf(value, sheet.getFormat(row, column))),
      ),
    /**
     * Range.sort sorts the range's rows by cell contents, as the Sheets API's sortRange: the workbook
     * moves cells only, row metadata and protected ranges stay (see Sheet.sortRows). Refused, like a
     * write, when the user may not edit every cell of the range.
     */
    'range.sort': (
      execution: Execution,
      range: RangeRef,
      specs: { column: number; ascending: boolean }[],
    ) => {
      this.requireEditable(execution, range);
      this.sheetFor(execution, range.sheetId).sortRows(
        {
          sheetId: range.sheetId,
          startRow: range.row - 1,
          endRow: range.row - 1 + range.numRows,
          startColumn: range.column - 1,
          endColumn: range.column - 1 + range.numColumns,
        },
        specs.map((spec) => ({ column: spec.column - 1, ascending: spec.ascending })),
      );
      this.model.changed();
    },
    'range.backgrounds': (execution: Execution, range: RangeRef) => {
      const sheet = this.sheetFor(execution, range.sheetId);
      return this.grid(range, (row, column) => backgroundOf(sheet.getFormat(row, column)));
    },
    'range.setBackgrounds': (execution: Execution, range: RangeRef, colours: (string | null)[][]) =>
      this.writeCells(execution, range, colours, (sheet, row, column, colour) =>
        sheet.setFormat(row, column, withBackground(sheet.getFormat(row, column), colour as string | null)),
      ),
    'range.notes': (execution: Execution, range: RangeRef) => {
      const sheet = this.sheetFor(execution, range.sheetId);
      return this.grid(range, (row, column) => sheet.getNote(row, column) ?? '');
    },
    'range.setNotes': (execution: Execution, range: RangeRef, notes: (string | null)[][]) =>
      this.writeCells(execution, range, notes, (sheet, row, column, note) =>
        sheet.setNote(row, column, note === null || note === undefined ? undefined : String(note)),
      ),
    'range.activate': (execution: Execution, range: RangeRef) => {
      const spreadsheet = this.spreadsheetFor(execution);
      execution.activeSheetId = range.sheetId;
      this.selections.push({ user: execution.activeUser, a1: this.a1Of(spreadsheet, range) });
    },

    'metadata.find': (
      execution: Execution,
      scope:
        | { kind: 'spreadsheet' }
        | { kind: 'sheet'; sheetId: number }
        | { kind: 'range'; range: RangeRef },
      query: {
        key?: string;
        value?: string;
        locationType?: MetadataQuery['locationType'];
        id?: number;
        intersecting?: boolean;
      },
    ) => {
      const spreadsheet = this.spreadsheetFor(execution);
      const found = spreadsheet.findMetadata({
        ...(query.key === undefined ? {} : { metadataKey: query.key }),
        ...(query.value === undefined ? {} : { metadataValue: query.value }),
        ...(query.locationType === undefined ? {} : { locationType: query.locationType }),
        ...(query.id === undefined ? {} : { metadataId: query.id }),
      });
      return found
        .filter((metadata) => inScope(spreadsheet, metadata.location, scope, query.intersecting === true))
        .map((metadata) => this.metadataView(metadata));
    },
    'metadata.get': (execution: Execution, id: number) => {
      const found = this.spreadsheetFor(execution).metadataById(id);
      if (found === undefined) throw new Error(`The developer metadata with id ${id} no longer exists.`);
      return this.metadataView(found);
    },
    'metadata.add': (
      execution: Execution,
      anchor: MetadataAnchor,
      key: string,
      value: string | null,
      visibility: 'DOCUMENT' | 'PROJECT',
    ) => {
      const spreadsheet = this.spreadsheetFor(execution);
      spreadsheet.createMetadata(anchor, {
        metadataKey: key,
        ...(value === null ? {} : { metadataValue: value }),
        visibility,
      });
      this.model.changed();
    },
    'metadata.update': (
      execution: Execution,
      id: number,
      change: { key?: string; value?: string | null; visibility?: 'DOCUMENT' | 'PROJECT' },
    ) => {
      const spreadsheet = this.spreadsheetFor(execution);
      spreadsheet.updateMetadata(id, {
        ...(change.key === undefined ? {} : { metadataKey: change.key }),
        ...(change.value === undefined ? {} : { metadataValue: change.value }),
        ...(change.visibility === undefined ? {} : { visibility: change.visibility }),
      });
      this.model.changed();
    },
    'metadata.remove': (execution: Execution, id: number) => {
      this.spreadsheetFor(execution).deleteMetadata(id);
      this.model.changed();
    },

    /** `type` as the script gave it: one that is neither RANGE nor SHEET finds nothing. */
    'protection.list': (execution: Execution, sheetId: number | null, type: string) => {
      const spreadsheet = this.spreadsheetFor(execution);
      return spreadsheet
        .protectedRanges()
        .filter((data) => sheetId === null || (data.range.sheetId ?? 0) === sheetId)
        .map((data) => this.protectionView(spreadsheet, data))
        .filter((view) => view.type === type);
    },
    'protection.protect': (execution: Execution, target: { sheetId: number; range?: RangeRef }) => {
      const spreadsheet = this.spreadsheetFor(execution);
      const range =
        target.range === undefined
          ? { sheetId: target.sheetId }
          : {
              sheetId: target.sheetId,
              startRowIndex: target.range.row - 1,
              endRowIndex: target.range.row - 1 + target.range.numRows,
              startColumnIndex: target.range.column - 1,
              endColumnIndex: target.range.column - 1 + target.range.numColumns,
            };
      const created = spreadsheet.addProtectedRange(
        { range, warningOnly: false, editors: { users: [] } },
        execution.effectiveUser,
      );
      this.model.changed();
      return this.protectionView(spreadsheet, created);
    },
    'protection.update': (
      execution: Execution,
      id: number,
      change: {
        description?: string;
        warningOnly?: boolean;
        addEditors?: string[];
        removeEditors?: string[];
      },
    ) => {
      const spreadsheet = this.spreadsheetFor(execution);
      const data = this.requireProtectionEditor(execution, spreadsheet, id);
      let users = data.editors.users;
      if (change.addEditors !== undefined)
        users = [...users, ...change.addEditors.map((user) => user.toLowerCase())];
      if (change.removeEditors !== undefined) {
        const removed = new Set(change.removeEditors.map((user) => user.toLowerCase()));
        users = users.filter((user) => !removed.has(user) || user === spreadsheet.owner);
      }
      const next: ProtectedRangeData = {
        ...data,
        ...(change.description === undefined ? {} : { description: change.description }),
        ...(change.warningOnly === undefined ? {} : { warningOnly: change.warningOnly }),
        editors: { users },
      };
      const stored = spreadsheet.replaceProtectedRange(next);
      this.model.changed();
      return this.protectionView(spreadsheet, stored);
    },
    'protection.remove': (execution: Execution, id: number) => {
      const spreadsheet = this.spreadsheetFor(execution);
      this.requireProtectionEditor(execution, spreadsheet, id);
      spreadsheet.deleteProtectedRange(id);
      this.model.changed();
    },

    /** SpreadsheetApp.getUi(): there is no UI to show anything in for an installable trigger. */
    'ui.get': (execution: Execution) => {
      if (execution.mode === 'installable-trigger') throw new Error(NO_UI_HERE);
    },
    'ui.alert': (execution: Execution, title: string, message: string, buttons: string) => {
      const answer = this.alertAnswers.shift() ?? defaultAnswer(buttons);
      this.alerts.push({ user: execution.activeUser, title, message, buttons, answer });
      return answer;
    },
    'ui.prompt': (execution: Execution, title: string, message: string, buttons: string) => {
      const scripted = this.promptAnswers.shift();
      const answer = scripted ?? { button: defaultAnswer(buttons), text: '' };
      this.alerts.push({
        user: execution.activeUser,
        title,
        message,
        buttons,
        answer: answer.button,
        prompt: answer.text,
      });
      return answer;
    },
    'ui.menu': (execution: Execution, menu: Omit<MenuRecord, 'user'>) => {
      this.menus.push({ user: execution.activeUser, ...menu });
    },
    'ui.show': (execution: Execution, dialog: Omit<DialogRecord, 'user'>) => {
      this.dialogs.push({ user: execution.activeUser, ...dialog });
    },

    'props.get': (execution: Execution, scope: PropertyScope) =>
      Object.fromEntries(this.storeFor(execution, scope)),
    'props.set': (
      execution: Execution,
      scope: PropertyScope,
      entries: Record<string, string>,
      deleteOthers: boolean,
    ) => {
      const store = this.storeFor(execution, scope);
      const next = new Map(deleteOthers ? [] : store);
      for (const [key, value] of Object.entries(entries)) {
        if (utf8Bytes(value) > PROPERTY_VALUE_LIMIT) throw new Error('Argument too large: value');
        next.set(key, value);
      }
      if (AppsScriptHost.storeBytes(next) > PROPERTY_STORE_LIMIT) {
        throw new Error(
          'You have exceeded the property storage quota. Please remove some properties and try again.',
        );
      }
      store.clear();
      for (const [key, value] of next) store.set(key, value);
    },
    'props.delete': (execution: Execution, scope: PropertyScope, key: string | null) => {
      const store = this.storeFor(execution, scope);
      if (key === null) store.clear();
      else store.delete(key);
    },

    'cache.get': (execution: Execution, scope: string, keys: string[]) => {
      const cache = this.cacheFor(execution, scope);
      const found: Record<string, string> = {};
      for (const key of keys) {
        const entry = cache.get(key);
        if (entry === undefined) continue;
        if (entry.expiresAt <= this.now()) cache.delete(key);
        else found[key] = entry.value;
      }
      return found;
    },
    'cache.put': (execution: Execution, scope: string, entries: Record<string, string>, seconds: number) => {
      const cache = this.cacheFor(execution, scope);
      const ttl = Math.min(Math.max(seconds, 1), 21_600);
      for (const [key, value] of Object.entries(entries)) {
        if (key.length > 250) throw new Error('Argument too large: key');
        if (utf8Bytes(value) > 100 * 1024) throw new Error('Argument too large: value');
        cache.set(key, { value, expiresAt: this.now() + ttl * 1000 });
      }
    },
    'cache.remove': (execution: Execution, scope: string, keys: string[]) => {
      const cache = this.cacheFor(execution, scope);
      for (const key of keys) cache.delete(key);
    },

    'lock.acquire': (execution: Execution, kind: string, timeoutMs: number) =>
      this.acquireLock(execution, this.lockScope(execution, kind), timeoutMs),
    'lock.release': (execution: Execution, kind: string) =>
      this.releaseLock(execution, this.lockScope(execution, kind)),
    'lock.has': (execution: Execution, kind: string) =>
      this.lockState(this.lockScope(execution, kind)).holder === execution.id,

    'url.fetch': (execution: Execution, url: string, params: Record<string, unknown>) => {
      if (execution.mode === 'simple-trigger') {
        throw new Error(
          notAuthorizedInSimpleTrigger(
            'UrlFetchApp.fetch',
            'https://www.googleapis.com/auth/script.external_request',
          ),
        );
      }
      this.quotas.countUrlFetch(execution.effectiveUser);
      return this.fetchUrl(url, params);
    },

    'script.identityToken': (execution: Execution, withEmail: boolean) => {
      if (execution.mode === 'simple-trigger') {
        throw new Error(notAuthorizedInSimpleTrigger('ScriptApp.getIdentityToken', 'openid'));
      }
      return this.signer.sign({
        ...(withEmail ? { email: execution.effectiveUser, email_verified: true } : {}),
        aud: this.audience,
        sub: createHash('sha256').update(execution.effectiveUser).digest('hex').slice(0, 21),
      });
    },
    'script.authorizationStatus': (execution: Execution) =>
      this.isAuthorized(execution.effectiveUser) ? 'NOT_REQUIRED' : 'REQUIRED',
    'script.newTrigger': (
      execution: Execution,
      handler: string,
      spec: { eventType: string; spreadsheetId: string },
    ) => {
      if (spec.eventType !== 'ON_EDIT' && spec.eventType !== 'ON_OPEN' && spec.eventType !== 'ON_CHANGE') {
        throw new Error(
          `ScriptApp.newTrigger(...).${spec.eventType} is not implemented by the va-assess Apps Script double`,
        );
      }
      if (!this.model.has(spec.spreadsheetId))
        throw new Error(`No item with the given ID could be found (${spec.spreadsheetId}).`);
      // Add-ons get one trigger of each event type per user per document.
      const clash = this.triggerList.some(
        (trigger) =>
          trigger.owner === execution.effectiveUser &&
          trigger.triggerSourceId === spec.spreadsheetId &&
          trigger.eventType === spec.eventType,
      );
      if (clash) {
        throw new Error(
          'This add-on has created too many edit triggers in this document for this Google user account. Try deleting one or more triggers.',
        );
      }
      const trigger = {
        uniqueId: randomUUID().replace(/-/g, '').slice(0, 20),
        handlerFunction: handler,
        eventType: spec.eventType,
        triggerSource: 'SPREADSHEETS',
        triggerSourceId: spec.spreadsheetId,
        owner: execution.effectiveUser,
      };
      this.triggerList.push(trigger);
      const { owner: _owner, ...view } = trigger;
      return view;
    },
    'script.userTriggers': (execution: Execution, spreadsheetId: string | null) =>
      this.triggerList
        .filter(
          (trigger) =>
            trigger.owner === execution.effectiveUser &&
            (spreadsheetId === null || trigger.triggerSourceId === spreadsheetId),
        )
        .map(({ owner: _owner, ...view }) => view),
    'script.deleteTrigger': (execution: Execution, uniqueId: string) => {
      const index = this.triggerList.findIndex((trigger) => trigger.uniqueId === uniqueId);
      const trigger = this.triggerList[index];
      if (trigger === undefined) return;
      if (trigger.owner !== execution.effectiveUser) {
        throw new Error(`${execution.effectiveUser} cannot delete a trigger created by another user.`);
      }
      this.triggerList.splice(index, 1);
    },
  };

  private cacheFor(execution: Execution, scope: string): Map<string, { value: string; expiresAt: number }> {
    const key =
      scope === 'document'
        ? `document:${execution.spreadsheetId}`
        : scope === 'user'
          ? `user:${execution.effectiveUser}`
          : 'script';
    let cache = this.caches.get(key);
    if (cache === undefined) {
      cache = new Map();
      this.caches.set(key, cache);
    }
    return cache;
  }
}

/** What a person clicks when the test scripted nothing: the affirmative button. */
function defaultAnswer(buttons: string): string {
  if (buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL') return 'YES';
  return 'OK';
}

/**
 * Whether metadata belongs to a finder's scope: the spreadsheet holds all; a sheet holds what is on it
 * or its rows and columns; a range holds rows/columns wholly inside it (or crossing it, when asked).
 */
function inScope(
  spreadsheet: Spreadsheet,
  location: MetadataAnchor,
  scope: { kind: 'spreadsheet' } | { kind: 'sheet'; sheetId: number } | { kind: 'range'; range: RangeRef },
  intersecting: boolean,
): boolean {
  if (scope.kind === 'spreadsheet') return true;
  if (location.kind === 'spreadsheet') return false;
  if (scope.kind === 'sheet') return location.sheetId === scope.sheetId;
  const range = scope.range;
  if (location.sheetId !== range.sheetId) return false;
  if (location.kind === 'sheet') return false;
  const sheet = spreadsheet.sheetById(range.sheetId);
  const rect = AppsScriptHost.rect(range);
  const [from, to, crossFrom, crossTo, crossCount] =
    location.dimension === 'ROWS'
      ? [rect.startRow, rect.endRow, rect.startColumn, rect.endColumn, sheet.columnCount]
      : [rect.startColumn, rect.endColumn, rect.startRow, rect.endRow, sheet.rowCount];
  if (intersecting) return location.startIndex < to && location.endIndex > from;
  return location.startIndex >= from && location.endIndex <= to && crossFrom === 0 && crossTo === crossCount;
}

/** Every operation an execution may ask the host for, by name: a name the host lacks fails to compile. */
export type HostOperations = AppsScriptHost['ops'];
export type HostOperationName = keyof HostOperations;
/** What an execution passes for `name`, after the Execution the host supplies itself. */
export type HostOperationArgs<Name extends HostOperationName> = HostOperations[Name] extends (
  execution: Execution,
  ...args: infer Args
) => unknown
  ? Args
  : never;
/** What the execution receives: a promise (a lock wait, a fetch) is settled on the main thread first. */
export type HostOperationResult<Name extends HostOperationName> = Awaited<ReturnType<HostOperations[Name]>>;
