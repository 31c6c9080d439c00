import type { Spreadsheet, WorkbookModel } from '../workbook';
import { CONSUMER_QUOTAS, DailyQuotaLedger, type DailyQuotas } from './daily-quotas';
import type { Execution, IdentityTokenSigner, ServiceScope } from './execution';
import type {
  AlertRecord,
  DialogRecord,
  FetchRecord,
  MenuRecord,
  RangeRef,
  ToastRecord,
  TriggerView,
} from './host-views';
import { type HostOperationName, type HostOperations, hostOperations } from './services/host-operations';
import { Locks, type LockWait } from './services/lock-service';
import type { SentMail } from './services/mail-app';
import { PropertyStores } from './services/properties-service';
import { type OwnedTrigger, ScriptProject } from './services/script-app';
import { SpreadsheetAccess } from './services/spreadsheet-access';
import type { UiPerson } from './services/ui';
import { UrlFetcher } from './services/url-fetch-app';

export type { Execution, IdentityTokenSigner } from './execution';
export type {
  HostOperationArgs,
  HostOperationName,
  HostOperationResult,
  HostOperations,
} from './services/host-operations';
export type { LockWait } from './services/lock-service';
export { PROPERTY_STORE_LIMIT, PROPERTY_VALUE_LIMIT } from './services/properties-service';
export type { UiAnswer, UiPerson, UiQuestion } from './services/ui';

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

/**
 * Everything an Apps Script project holds between executions, on the main thread: the workbook model
 * (shared with the local Sheets API), properties, cache, locks, triggers, authorisations, what the UI
 * showed, and the requests UrlFetchApp made. Executions in worker threads reach it through `handle`;
 * each service's operations live in services/.
 */
export class AppsScriptHost {
  readonly model: WorkbookModel;
  readonly fetchTimeoutMs: number;
  readonly timeZone: string;
  /** UrlFetch calls and trigger runtime per user per 24 hours, against their quotas. */
  readonly quotas: DailyQuotaLedger;
  readonly menus: MenuRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly logs: string[] = [];
  readonly selections: { user: string; a1: string }[] = [];
  /** What MailApp sent, in order. */
  readonly mails: SentMail[] = [];

  private readonly access: SpreadsheetAccess;
  private readonly properties = new PropertyStores();
  private readonly locks = new Locks();
  private readonly project = new ScriptProject();
  private readonly fetcher: UrlFetcher;
  private readonly alertAnswers: string[] = [];
  private readonly promptAnswers: { button: string; text: string }[] = [];
  private uiPerson: UiPerson | undefined;
  private readonly operations: HostOperations;
  /** Host operations by name since the last reset. */
  private readonly serviceCalls = new Map<string, number>();

  constructor(options: AppsScriptHostOptions) {
    this.model = options.model;
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 60_000;
    this.timeZone = options.timeZone ?? 'Etc/UTC';
    const now = options.now ?? Date.now;
    this.quotas = new DailyQuotaLedger(options.quotasFor ?? (() => CONSUMER_QUOTAS), now);
    this.access = new SpreadsheetAccess(this.model);
    this.fetcher = new UrlFetcher({
      manifest: options.manifest,
      trustedCertificates: options.trustedCertificates ?? [],
      fetchTimeoutMs: this.fetchTimeoutMs,
    });
    this.operations = hostOperations({
      access: this.access,
      records: {
        menus: this.menus,
        alerts: this.alerts,
        dialogs: this.dialogs,
        toasts: this.toasts,
        selections: this.selections,
        alertAnswers: this.alertAnswers,
        promptAnswers: this.promptAnswers,
        person: () => this.uiPerson,
      },
      properties: this.properties,
      locks: this.locks,
      fetcher: this.fetcher,
      quotas: this.quotas,
      mails: this.mails,
      project: this.project,
      script: { model: this.model, signer: options.signer, audience: options.audience },
      timeZone: this.timeZone,
      now,
    });
  }

  /** The requests UrlFetchApp made, in order. */
  get fetches(): FetchRecord[] {
    return this.fetcher.fetches;
  }

  // ---- what tests steer ----

  authorize(email: string): void {
    this.project.authorize(email);
  }
  revokeAuthorization(email: string): void {
    this.project.revokeAuthorization(email);
  }
  isAuthorized(email: string): boolean {
    return this.project.isAuthorized(email);
  }
  /** The button the next alert returns ("OK", "YES", "NO", "CANCEL", "CLOSE"). */
  answerNextAlert(button: string): void {
    this.alertAnswers.push(button);
  }
  answerNextPrompt(button: string, text: string): void {
    this.promptAnswers.push({ button, text });
  }
  /** Someone who answers the alerts and prompts no test scripted, and sees what the Ui shows. */
  attachUiPerson(person: UiPerson | undefined): void {
    this.uiPerson = person;
  }
  propertyStore(scope: ServiceScope, owner: string): Map<string, string> {
    return this.properties.store(scope, owner);
  }
  /** Resolves when an execution next starts waiting for a lock that another execution holds. */
  nextLockWait(): Promise<LockWait> {
    return this.locks.nextLockWait();
  }
  /**
   * As if every pending wait for a lock ran out of time now: their tryLock answers false (waitLock
   * throws). Lets a test reach the "lock busy" path without waiting out the add-on's real timeout.
   */
  expireLockWaits(): number {
    return this.locks.expireLockWaits();
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
    return this.properties.bytes();
  }
  triggers(): OwnedTrigger[] {
    return this.project.triggerList.map((trigger) => ({ ...trigger }));
  }
  editTriggersOf(spreadsheetId: string): (TriggerView & { owner: string })[] {
    return this.triggers().filter(
      (trigger) => trigger.eventType === 'ON_EDIT' && trigger.triggerSourceId === spreadsheetId,
    );
  }

  /** Apps Script releases whatever an execution still holds when it ends. */
  endExecution(execution: Execution): void {
    for (const scope of execution.heldLocks) this.locks.release(execution, scope);
  }

  // ---- the spreadsheet as the sandbox reaches it outside an execution ----

  rangeFromA1(spreadsheet: Spreadsheet, a1: string, defaultSheetId: number): RangeRef {
    return this.access.rangeFromA1(spreadsheet, a1, defaultSheetId);
  }
  a1Of(spreadsheet: Spreadsheet, range: RangeRef): string {
    return this.access.a1Of(spreadsheet, range);
  }
  requireEditableBy(spreadsheetId: string, email: string, range: RangeRef): void {
    this.access.requireEditableBy(spreadsheetId, email, range);
  }

  // ---- the RPC entry point ----

  /** `op` and `args` come from the worker thread's message, so they are checked here, not typed. */
  handle(execution: Execution, op: string, args: unknown[]): unknown {
    if (!Object.hasOwn(this.operations, op)) {
      throw new Error(`va-assess Apps Script double: unknown host operation ${op}`);
    }
    this.serviceCalls.set(op, (this.serviceCalls.get(op) ?? 0) + 1);
    const handler = this.operations[op as HostOperationName] as (
      execution: Execution,
      ...rest: unknown[]
    ) => unknown;
    return handler(execution, ...args);
  }
}
