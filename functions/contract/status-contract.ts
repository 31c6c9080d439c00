import { z } from 'zod';
import { windowQuerySchema } from './contract';

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

/** POST /v1/projects/{id}/sheet/status?period=P3: the window's Status block written (Check completeness...). */
export const sheetStatusResponseSchema = z.object({
  spreadsheetId: z.string(),
  operation: z.literal('status'),
  windowId: z.string(),
  /** The status's one-sentence headline, for the add-on's toast. */
  headline: z.string(),
  /** Requests in the one batchUpdate; 0 when the sheet was already up to date (then no batchUpdate). */
  requests: z.number().int(),
  batchUpdates: z.number().int(),
  repaired: z.array(z.string()).optional(),
});

export type SheetStatusResponse = z.infer<typeof sheetStatusResponseSchema>;

/** GET /v1/projects/{id}/reminders?period=P3&deadline=…: the deadline is quoted in every message as typed. */
export const remindersQuerySchema = windowQuerySchema.extend({
  deadline: z
    .string({
      error: 'expected ?deadline= with the date partners must answer by, e.g. ?deadline=15 March 2024',
    })
    .trim()
    .min(1, 'expected ?deadline= with the date partners must answer by, e.g. ?deadline=15 March 2024')
    .max(100, 'expected a deadline of at most 100 characters, e.g. 15 March 2024'),
});

/** One prepared reminder: the domain's ReminderMessage. */
export const reminderMessageSchema = z.object({
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  installationIds: z.array(z.string()),
  cells: z.number().int(),
});

/** Coordinators only: one message per editor who owes cells of the window, for the add-on to show and send. */
export const remindersResponseSchema = z.object({
  windowId: z.string(),
  headline: z.string(),
  messages: z.array(reminderMessageSchema),
});

export type ReminderMessageView = z.infer<typeof reminderMessageSchema>;
export type RemindersResponse = z.infer<typeof remindersResponseSchema>;
