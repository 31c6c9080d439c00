/** Why a submission is attempted again. */
export type RetryReason =
  /** The cells' read carried another configuration revision than the one the cells were to be validated with. */
  | 'revision-moved'
  /**
   * Cells were refused as unknown from what this process remembered: stored nowhere, no transaction
   * would check the configuration they were refused under.
   */
  | 'refused-from-memory'
  /** A transaction found the configuration saved again between validating and storing. */
  | 'config-changed';

/** How an attempt gets the configuration and the cells it validates with. */
export interface Attempt {
  /** 'cached': as this process last knew it; 'stored': loaded again from the table. */
  config: 'cached' | 'stored';
  /** Read the cells (and the stored revision) from the table even when this process saw them lately. */
  readCells: boolean;
}

interface RetryRule {
  /** Attempts the reason may add. */
  times: number;
  next(attempt: Attempt): Attempt;
  /** Reasons whose count starts again: their limit is per configuration load, not per submission. */
  resets: readonly RetryReason[];
}

const RULES: Record<RetryReason, RetryRule> = {
  // Past the limit the read is taken as it is: the transaction's revision check still guards the write.
  'revision-moved': { times: 2, next: (attempt) => ({ ...attempt, config: 'stored' }), resets: [] },
  // A read of the table is never from memory: once is enough.
  'refused-from-memory': {
    times: 1,
    next: () => ({ config: 'cached', readCells: true }),
    resets: ['revision-moved'],
  },
  // Stored cells are replayed, not stored again, by the next attempt (same requestId).
  'config-changed': {
    times: 2,
    next: () => ({ config: 'stored', readCells: false }),
    resets: ['revision-moved', 'refused-from-memory'],
  },
};

/** The one retry policy of a submission: which reasons may repeat it, how often, and how the next attempt reads. */
export class SubmissionRetryPolicy {
  private readonly used = new Map<RetryReason, number>();
  /** The attempt to make now. */
  attempt: Attempt = { config: 'cached', readCells: false };

  /** Whether `reason` may make one more attempt; when it may, `attempt` becomes that attempt. */
  retry(reason: RetryReason): boolean {
    const rule = RULES[reason];
    const used = this.used.get(reason) ?? 0;
    if (used >= rule.times) return false;
    this.used.set(reason, used + 1);
    for (const reset of rule.resets) this.used.delete(reset);
    this.attempt = rule.next(this.attempt);
    return true;
  }
}
