/**
 * The HTTP API's bodies for binding a spreadsheet and writing to it (re-exported by contract.ts). Like
 * contract.ts, free of Node imports: the Apps Script add-on bundles it.
 */
import { z } from 'zod';
import { REPORT_FORMATS } from '../domain/report/report-model';

/** Google's spreadsheet ids: 44 URL-safe characters today; a little room either way. */
const SPREADSHEET_ID = /^[A-Za-z0-9_-]{25,128}$/;

/** The id, or a spreadsheet's URL pasted whole (https://docs.google.com/spreadsheets/d/<id>/edit). */
export const spreadsheetIdSchema = z
  .string({
    error: 'expected "spreadsheetId": the id in the spreadsheet\'s URL, .../spreadsheets/d/<id>/edit',
  })
  .trim()
  .transform((text) => /\/spreadsheets\/d\/([^/?#]+)/.exec(text)?.[1] ?? text)
  .refine((id) => SPREADSHEET_ID.test(id), {
    error: (issue) =>
      `found "${String(issue.input).slice(0, 80)}", expected a spreadsheet id (25 to 128 letters, digits, "-" or "_") as in .../spreadsheets/d/<id>/edit`,
  });

export const sheetBindRequestSchema = z.strictObject({ spreadsheetId: spreadsheetIdSchema });

/** The developer metadata key the add-on writes a binding challenge's nonce under (DOCUMENT visibility). */
export const BINDING_CHALLENGE_METADATA_KEY = 'va-assess:binding-challenge';

export const sheetChallengeResponseSchema = z.object({
  spreadsheetId: z.string(),
  metadataKey: z.literal(BINDING_CHALLENGE_METADATA_KEY),
  /** Write this value, as spreadsheet developer metadata under metadataKey, then PUT .../sheet. */
  nonce: z.string(),
  expiresAt: z.string(),
});

export const sheetBindingResponseSchema = z.object({
  projectId: z.string(),
  /** null until a coordinator binds one. */
  spreadsheetId: z.string().nullable(),
  /** Share the spreadsheet with this e-mail as editor so the functions can write to it. */
  serviceAccountEmail: z.string(),
  boundBy: z.string().nullable(),
  boundAt: z.string().nullable(),
});

export const sheetWriteBackResponseSchema = z.object({
  spreadsheetId: z.string(),
  operation: z.enum(['setup', 'summary', 'assessments']),
  windowId: z.string().optional(),
  /** Requests in the one batchUpdate; 0 when the sheet was already up to date (then no batchUpdate). */
  requests: z.number().int(),
  batchUpdates: z.number().int(),
  /** Assessments: installations whose text a person edited in the sheet, now stored as their draft. */
  editsStored: z.array(z.string()).optional(),
  stored: z.array(z.string()).optional(),
  keptEdited: z.array(z.string()).optional(),
  /** Setup: Metrics rows whose anchor and protection followed their key cell (rows counted from 1). */
  realigned: z
    .array(z.object({ key: z.string(), fromRow: z.number().int(), toRow: z.number().int() }))
    .optional(),
  /** Setup: sentences for the coordinator, each saying what setup found and what to do about it. */
  notices: z.array(z.string()).optional(),
  /** What the write-back found wrong in the sheet's bookkeeping (e.g. a rewritten project anchor) and put right. */
  repaired: z.array(z.string()).optional(),
});

/** POST .../sheet/report: the Report tab written, and a signed link to download the file. */
export const sheetReportResponseSchema = z.object({
  spreadsheetId: z.string(),
  windowId: z.string(),
  /** GET this without any token until expiresAt (signed like POST .../report/link). */
  url: z.string(),
  /** ISO instant, UTC. */
  expiresAt: z.string(),
  format: z.enum(REPORT_FORMATS),
  /** The report's sections as the Report tab lists them; installations say whose assessment it is or "missing". */
  sections: z.array(
    z.object({
      number: z.string(),
      title: z.string(),
      assessment: z.enum(['edited', 'generated', 'missing']).optional(),
    }),
  ),
  /** Names of the installations whose assessment is missing. */
  missingAssessments: z.array(z.string()),
  requests: z.number().int(),
  batchUpdates: z.number().int(),
  repaired: z.array(z.string()).optional(),
});

export type SheetBindRequest = z.input<typeof sheetBindRequestSchema>;
export type SheetBindingResponse = z.infer<typeof sheetBindingResponseSchema>;
export type SheetChallengeResponse = z.infer<typeof sheetChallengeResponseSchema>;
export type SheetWriteBackResponse = z.infer<typeof sheetWriteBackResponseSchema>;
export type SheetReportResponse = z.infer<typeof sheetReportResponseSchema>;
