import { z } from 'zod';

/** GET /v1/projects/{id}/status?period=P3: who still owes what for a window (kept beside contract.ts, which is full). */
export const statusResponseSchema = z.object({
  windowId: z.string(),
  /** "P3 (M13–M18): 6 of 45 values in (13%); 38 empty, 1 rejected, 1 with a warning to look at." */
  headline: z.string(),
  /** Installations the caller is an editor of, which a partner's sidebar shows first; none for a coordinator who edits none. */
  yours: z.array(z.string()),
  /** The domain's PeriodStatus (plain JSON): counts, installations worst first, owed cells, editors. */
  status: z.unknown(),
});

export type StatusResponse = z.infer<typeof statusResponseSchema>;
