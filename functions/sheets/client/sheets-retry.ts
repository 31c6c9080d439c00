import { SheetsUnavailableError } from './sheets-errors';
import { describeSheetsFailure, type FailureContext, normaliseSheetsError } from './sheets-failure';

export interface SheetsRetrySettings {
  /** Total time the calls and waits of one operation may take before it answers 503. */
  budgetMs: number;
  /** The first backoff's upper bound; doubled each attempt (full jitter draws below it). */
  firstDelayMs: number;
  maxDelayMs: number;
  /**
   * The longest one call may run before it is abandoned as an unknown outcome; the budget when
   * unset. The budget decides when to stop retrying; this only when to stop waiting for an answer.
   */
  attemptTimeoutMs?: number;
}

export const DEFAULT_RETRY: Omit<SheetsRetrySettings, 'budgetMs'> = { firstDelayMs: 500, maxDelayMs: 8000 };

export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const realClock: RetryClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

export interface RetryOptions<T> {
  /**
   * After a failure that leaves the outcome unknown (no answer, or a 5xx: Google may have applied the
   * request before the answer was lost), asks whether the call took effect; a value ends the retries
   * with it. Without it such calls are taken as not applied (right for reads).
   */
  settled?: () => Promise<T | undefined>;
}

/** No answer, or a 5xx: the request may have been applied. A 429 is refused before anything is done. */
const outcomeUnknown = (status: number | undefined): boolean => status === undefined || status >= 500;

/**
 * Runs a Sheets call, retrying 429 and 5xx (and lost connections) with exponential backoff and full
 * jitter, or after Google's Retry-After when it gives one, as long as the wait still fits the budget.
 * A batchUpdate is atomic, but a failure may come after Google applied it: once the outcome is
 * unknown, `settled` is asked before every further attempt (and before giving up), so a write that
 * went through is never sent again, and a refusal of a late duplicate is recognised as success.
 */
export async function withSheetsRetry<T>(
  call: () => Promise<T>,
  settings: SheetsRetrySettings,
  context: () => Promise<FailureContext>,
  clock: RetryClock = realClock,
  options: RetryOptions<T> = {},
): Promise<T> {
  const started = clock.now();
  let uncertain = false;
  const settledValue = async (): Promise<T | undefined> =>
    uncertain && options.settled !== undefined ? options.settled() : undefined;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const done = await settledValue();
      if (done !== undefined) return done;
      return await call();
    } catch (error) {
      const failure = describeSheetsFailure(error, clock.now());
      if (!failure.retryable) {
        // A resent batch refused (e.g. its marker "already exists") after a late first application.
        const done = await settledValue().catch(() => undefined);
        if (done !== undefined) return done;
        throw normaliseSheetsError(error, failure, await context());
      }
      uncertain ||= outcomeUnknown(failure.status);
      const backoff = clock.random() * Math.min(settings.maxDelayMs, settings.firstDelayMs * 2 ** attempt);
      const wait = failure.retryAfterMs ?? backoff;
      const elapsed = clock.now() - started;
      if (elapsed + wait > settings.budgetMs) {
        let checked = true;
        const done = await settledValue().catch(() => {
          checked = false;
          return undefined;
        });
        if (done !== undefined) return done;
        const reason = failure.status === undefined ? failure.message : `HTTP ${failure.status}`;
        throw new SheetsUnavailableError(
          `${reason}, ${attempt + 1} attempt(s) in ${Math.round(elapsed)} ms`,
          {
            cause: error,
            outcomeUnknown: !checked,
          },
        );
      }
      await clock.sleep(wait);
    }
  }
}
