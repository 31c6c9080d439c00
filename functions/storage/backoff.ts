export interface BackoffSettings {
  baseMs: number;
  capMs: number;
  /** Injectable for tests; Math.random otherwise. */
  random?: () => number;
}

/**
 * "Full jitter" exponential backoff: a random wait up to base x 2^(attempt-1), capped. Writers that
 * collided once pick different waits, so they stop colliding instead of retrying in lockstep.
 */
export function jitteredDelayMs(attempt: number, settings: BackoffSettings): number {
  const ceiling = Math.min(settings.capMs, settings.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor((settings.random ?? Math.random)() * ceiling);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
