import { z } from 'zod';

/** The wire shapes of locking and reopening periods (issue 19): kept beside contract.ts, which is full. */

/** A coordinator's change of a cell in a locked period: why (the next report lists it). */
export const amendmentReasonSchema = z
  .string()
  .trim()
  .min(3, 'expected a reason of at least 3 characters')
  .max(500)
  .describe("A coordinator's change of a cell in a locked period: why (the next report lists it)");

/** In a cell's history: the lock an amendment changed a cell of, and why. */
export const amendmentSchema = z.object({ lockId: z.string(), reason: z.string() });
/** POST .../locks?period=PY1: what was submitted, as the coordinator names it. */
export const lockRequestSchema = z.strictObject({
  deliverable: z
    .string()
    .trim()
    .min(3, 'expected the deliverable, e.g. "D4.2, submitted 2023-10-30"')
    .max(200)
    .describe('What was submitted, e.g. "D4.2, submitted 2023-10-30"'),
});

/** POST .../locks/reopen?period=PY1: why the window opens again (kept with the lock). */
export const reopenRequestSchema = z.strictObject({
  reason: z.string().trim().min(3, 'expected a reason of at least 3 characters').max(500),
});

export const periodLockSchema = z.object({
  lockId: z.string(),
  windowId: z.string(),
  periodIds: z.array(z.string()),
  deliverable: z.string(),
  lockedBy: z.string(),
  lockedAt: z.string(),
  reopenedBy: z.string().optional(),
  reopenedAt: z.string().optional(),
  reopenReason: z.string().optional(),
});

export const locksResponseSchema = z.object({
  /** Oldest first; reopened locks stay listed with who reopened them. */
  locks: z.array(periodLockSchema),
});

export type LockRequest = z.input<typeof lockRequestSchema>;
export type ReopenRequest = z.input<typeof reopenRequestSchema>;
export type PeriodLockView = z.infer<typeof periodLockSchema>;
export type LocksResponse = z.infer<typeof locksResponseSchema>;
