/**
 * Apps Script's daily quotas the add-on can run into, per user, as Google lists them
 * (https://developers.google.com/apps-script/guides/services/quotas): "Quotas are per user and reset
 * 24 hours after the first request." Past a quota the service throws: "Service invoked too many times
 * for one day: urlfetch." for UrlFetchApp, "Service using too much computer time for one day" once
 * the user's triggers have run their total runtime. MailApp counts recipients, not messages ("Email
 * recipients per day": 100 consumer, 1,500 Workspace), and MailApp.getRemainingDailyQuota answers what
 * is left; past it sendEmail throws "Service invoked too many times for one day: email."
 */
export interface DailyQuotas {
  urlFetchCalls: number;
  triggerRuntimeMs: number;
  emailRecipients: number;
}

export const CONSUMER_QUOTAS: DailyQuotas = {
  urlFetchCalls: 20_000,
  triggerRuntimeMs: 90 * 60_000,
  emailRecipients: 100,
};
export const WORKSPACE_QUOTAS: DailyQuotas = {
  urlFetchCalls: 100_000,
  triggerRuntimeMs: 6 * 60 * 60_000,
  emailRecipients: 1_500,
};

export const URLFETCH_QUOTA_EXCEEDED = 'Service invoked too many times for one day: urlfetch.';
export const RUNTIME_QUOTA_EXCEEDED = 'Service using too much computer time for one day';
export const EMAIL_QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';

const DAY_MS = 24 * 60 * 60_000;

export interface QuotaUsage {
  /** When the user's current 24-hour window began (their first request in it). */
  since: number;
  urlFetchCalls: number;
  triggerRuntimeMs: number;
  emailRecipients: number;
}

/** What each user has used in their current window, against the quotas of their kind of account. */
export class DailyQuotaLedger {
  private readonly usage = new Map<string, QuotaUsage>();

  constructor(
    private readonly quotasFor: (email: string) => DailyQuotas,
    private readonly now: () => number,
  ) {}

  usageOf(email: string): QuotaUsage {
    const key = email.toLowerCase();
    const at = this.now();
    let current = this.usage.get(key);
    if (current === undefined || at - current.since >= DAY_MS) {
      current = { since: at, urlFetchCalls: 0, triggerRuntimeMs: 0, emailRecipients: 0 };
      this.usage.set(key, current);
    }
    return current;
  }

  /** One UrlFetchApp call by `email`, or Google's error once their calls for the day are used up. */
  countUrlFetch(email: string): void {
    const usage = this.usageOf(email);
    if (usage.urlFetchCalls >= this.quotasFor(email).urlFetchCalls) throw new Error(URLFETCH_QUOTA_EXCEEDED);
    usage.urlFetchCalls += 1;
  }

  /** MailApp.getRemainingDailyQuota: recipients `email` may still send to today. */
  remainingEmailRecipients(email: string): number {
    return Math.max(0, this.quotasFor(email).emailRecipients - this.usageOf(email).emailRecipients);
  }

  /** One message to `recipients` people, or Google's error when that is more than is left today. */
  countEmailRecipients(email: string, recipients: number): void {
    if (recipients > this.remainingEmailRecipients(email)) throw new Error(EMAIL_QUOTA_EXCEEDED);
    this.usageOf(email).emailRecipients += recipients;
  }

  /** '' when `owner`'s triggers may still run today; else the error the trigger ends with. */
  triggerRefusal(owner: string): string {
    return this.usageOf(owner).triggerRuntimeMs >= this.quotasFor(owner).triggerRuntimeMs
      ? RUNTIME_QUOTA_EXCEEDED
      : '';
  }

  addTriggerRuntime(owner: string, ms: number): void {
    this.usageOf(owner).triggerRuntimeMs += Math.max(0, ms);
  }
}

/**
 * The stricter reading where the kind of account is unknown: consumer quotas, unless the e-mail's
 * domain is one the caller says is a Google Workspace domain.
 */
export function quotasByDomain(workspaceDomains: readonly string[]): (email: string) => DailyQuotas {
  const workspace = new Set(workspaceDomains.map((domain) => domain.toLowerCase()));
  return (email) =>
    workspace.has(email.slice(email.lastIndexOf('@') + 1).toLowerCase()) ? WORKSPACE_QUOTAS : CONSUMER_QUOTAS;
}
