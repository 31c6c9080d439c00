import { SheetsUnavailableError } from './sheets-errors';
import { describeSheetsFailure, type FailureContext, normaliseSheetsError } from './sheets-failure';

export interface SheetsRetrySettings {
  /** Total time the calls and waits of one operation may take before it answers 503. */
  budgetMs: number;
  /** The first backoff's upper bound; doubled each attempt (full jitter draws below it). */
  firstDelayMs: number;
  maxDelayMs: number;
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

/**
 * Runs a Sheets call, retrying 429 and 5xx (and lost connections) with exponential backoff and full
 * jitter, or after Google's Retry-After when it gives one, as long as the wait still fits the budget;
 * a batchUpdate is atomic, so a refused one wrote nothing and is safe to send again.
 */
export async function withSheetsRetry<T>(
  call: () => Promise<T>,
  settings: SheetsRetrySettings,
  context: () => Promise<FailureContext>,
  clock: RetryClock = realClock,
): Promise<T> {
  const started = clock.now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const failure = describeSheetsFailure(error, clock.now());
      if (!failure.retryable) throw normaliseSheetsError(error, failure, await context());
      const backoff = clock.random() * Math.min(settings.maxDelayMs, settings.firstDelayMs * 2 ** attempt);
      const wait = failure.retryAfterMs ?? backoff;
      const elapsed = clock.now() - started;
      if (elapsed + wait > settings.budgetMs) {
        const reason = failure.status === undefined ? failure.message : `HTTP ${failure.status}`;
        throw new SheetsUnavailableError(
          `${reason}, ${attempt + 1} attempt(s) in ${Math.round(elapsed)} ms`,
          {
            cause: error,
          },
        );
      }
      await clock.sleep(wait);
    }
  }
}
