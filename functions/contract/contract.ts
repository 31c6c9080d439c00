/**
 * The HTTP API's request and response bodies. The Apps Script add-on imports this module too, so it
 * stays free of Node imports: zod and the domain's pure schemas only.
 */
import { z } from 'zod';
import { projectConfigSchema } from '../domain/config/project-config-schema';
import { REPORT_FORMATS } from '../domain/report/report-model';
import { MAX_PERIODS_PER_REQUEST, MAX_RAW_TEXT_LENGTH } from './api-paths';
import { amendmentReasonSchema, amendmentSchema } from './lock-contract';

export {
  API_PREFIX,
  apiPaths,
  MAX_BODY_BYTES,
  MAX_CELLS_PER_REQUEST,
  MAX_PERIODS_PER_REQUEST,
  MAX_RAW_TEXT_LENGTH,
} from './api-paths';
export * from './contacts-contract';
export * from './sheet-contract';

const idSchema = z
  .string()
  .trim()
  .min(1, 'expected an id such as "ifca-cpu"')
  .max(64, 'ids are at most 64 characters');

/** A reporting period's id as the API writes it: P1, P2... */
const PERIOD_ID = /^P[1-9][0-9]*$/;

export const periodIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(PERIOD_ID, 'expected a period id such as "P1"')
  .transform((text) => text as `P${number}`);

/** What a person typed, or what Sheets sent: numbers arrive as numbers, everything else as text. */
export const rawInputSchema = z.union([
  z.string().max(MAX_RAW_TEXT_LENGTH, `a cell holds at most ${MAX_RAW_TEXT_LENGTH} characters`),
  z.number(),
  z.boolean(),
  z.null(),
]);

/** The cell an answer is about: which installation's metric, in which period. */
const entryKeyShape = { installationId: z.string(), metricId: z.string(), periodId: z.string() };

export const cellSubmissionSchema = z.strictObject({
  installationId: idSchema,
  metricId: idSchema,
  periodId: periodIdSchema,
  raw: rawInputSchema,
  cell: z.string().max(200).optional().describe('Where the value was typed, e.g. "Metrics!D7"'),
  expectedVersion: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('The version the editor saw; a different current version answers 409 (0: none yet)'),
  amendmentReason: amendmentReasonSchema.optional(),
});

/** How a submission reached the API: sent by the caller itself, or by the sheet's live-validation trigger. */
export const submissionViaSchema = z.enum(['direct', 'document-trigger']);

/**
 * Sent by the document's live-validation trigger, which runs as the coordinator who enabled it: the
 * person Apps Script reports as the editor (null when it reports none). Only coordinators may send it.
 */
export const actingForSchema = z.strictObject({
  editor: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "expected the editor's e-mail address, or null when the sheet reports none" }))
    .nullable(),
  via: z.literal('document-trigger'),
});

export const entriesRequestSchema = z.strictObject({
  actingFor: actingForSchema
    .optional()
    .describe("A coordinator's trigger names the editor whose permissions apply to these cells"),
  requestId: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .describe('Same id on a retried POST: cells already stored are not stored twice'),
  cells: z.array(cellSubmissionSchema).min(1, 'expected at least one cell'),
});

export const severitySchema = z.enum(['error', 'warning', 'note']);
export const outcomeStatusSchema = z.enum(['accepted', 'warning', 'rejected']);

export const validationIssueSchema = z.object({
  ruleId: z.string(),
  severity: severitySchema,
  message: z.string(),
  found: z.string(),
  expected: z.string(),
  suggestion: z.string().optional(),
});

export const metricValueSchema = z.union([
  z.object({
    type: z.literal('number'),
    value: z.number(),
    comparator: z.enum(['>', '>=', '<', '<=']).optional(),
  }),
  z.object({ type: z.literal('countries'), codes: z.array(z.string()) }),
]);

export const cellOutcomeSchema = z.object({
  ...entryKeyShape,
  cell: z.string().optional(),
  status: outcomeStatusSchema,
  /** The issues' messages joined, '' when there is nothing to say: what the add-on puts in the note. */
  message: z.string(),
  issues: z.array(validationIssueSchema),
  normalized: z.string(),
  value: metricValueSchema.nullable(),
  /** The stored version of this submission; null when it was not stored (unknown installation...). */
  version: z.number().int().nullable(),
  /** Present when a coordinator's value for a locked period was taken as an amendment (with its reason). */
  amendment: amendmentSchema.optional(),
});

export const entriesResponseSchema = z.object({
  outcomes: z.array(cellOutcomeSchema),
  revalidated: z
    .array(cellOutcomeSchema)
    .optional()
    .describe(
      'Stored cells whose outcome changed because these values changed (e.g. the next period, re-checked against a corrected one): repaint them',
    ),
});

export const historyItemSchema = z.object({
  version: z.number().int(),
  raw: rawInputSchema,
  status: outcomeStatusSchema,
  value: metricValueSchema.nullable(),
  normalized: z.string(),
  issues: z.array(validationIssueSchema),
  /** Who typed the value: the caller, or the editor a coordinator's trigger reported (null: unknown). */
  editor: z.string().nullable(),
  /** With no editor: the only people who could have typed it (the protection's editors, from the config). */
  possibleEditors: z.array(z.string()).optional(),
  /** Who typed it, as a person reads it: the editor, "one of a@x, b@y", or "unknown". */
  editorLabel: z.string().optional(),
  /** The authenticated caller that sent it (the trigger's coordinator for live edits). */
  submittedBy: z.string().nullable(),
  via: submissionViaSchema,
  submittedAt: z.string(),
  current: z.boolean(),
  amendment: amendmentSchema.optional(),
});

export const historyResponseSchema = z.object({
  ...entryKeyShape,
  items: z.array(historyItemSchema).describe('Oldest first'),
});

/**
 * What GET config answers, `{config, revision}` (or `{config}`): PUT takes it back as it came, and the
 * revision in it is the one the write is conditioned on (see put-config.ts).
 */
const isConfigResponse = (body: unknown): body is { config: unknown; revision?: unknown } =>
  typeof body === 'object' &&
  body !== null &&
  !Array.isArray(body) &&
  ['config', 'config,revision'].includes(Object.keys(body).sort().join());
export const unwrapConfigResponse = (body: unknown): unknown => (isConfigResponse(body) ? body.config : body);
/** The revision a PUT config body carries back from GET config's answer, if it does. */
export function revisionInConfigBody(body: unknown): string | undefined {
  return isConfigResponse(body) && typeof body.revision === 'string' ? body.revision : undefined;
}
/** The bare configuration, or GET config's `{config}` answer: a read, edit and write back round-trips. */
export const configPutRequestSchema = z.preprocess(unwrapConfigResponse, projectConfigSchema);
export const configResponseSchema = z.object({
  config: projectConfigSchema,
  /** The stored revision: send it back (in the body or as If-Match) so a concurrent change is refused. */
  revision: z.string().optional(),
});

export const windowQuerySchema = z.object({
  period: z
    .string({ error: 'expected ?period= with P<n>, PY<n> or CUM-P<n>, e.g. ?period=PY1' })
    .trim()
    .min(1, 'expected ?period= with P<n>, PY<n> or CUM-P<n>, e.g. ?period=PY1'),
});

/** One id of a ?periods= list; the error quotes it as sent, so a caller sees which one is wrong. */
const listedPeriodIdSchema = z
  .string()
  .trim()
  .regex(new RegExp(PERIOD_ID.source, 'i'), {
    error: (issue) => `"${String(issue.input)}" is not a period id: expected P<n>, e.g. ?periods=P1,P2,P3`,
  })
  .transform((text) => text.toUpperCase() as `P${number}`);

/** GET entries?periods=P1,P2,P3: several periods in one request (repeated ?periods= would be lost). */
export const periodListQuerySchema = z.object({
  periods: z
    .string()
    .transform((text) => text.split(','))
    .pipe(
      z
        .array(listedPeriodIdSchema)
        .max(
          MAX_PERIODS_PER_REQUEST,
          `at most ${MAX_PERIODS_PER_REQUEST} periods in one request: split the list`,
        ),
    ),
  period: z.never({ error: 'give either ?period= or ?periods=, not both' }).optional(),
});

export const assessmentDraftSchema = z.object({
  installationId: z.string(),
  windowId: z.string(),
  text: z.string(),
  figures: z.unknown(),
  edited: z.boolean().optional(),
});

/** A person's text for one installation's draft; once saved, regenerating drafts never replaces it. */
export const MAX_DRAFT_TEXT_LENGTH = 20_000;
export const draftEditRequestSchema = z.object({
  text: z
    .string({ error: 'expected "text": the assessment as the person wrote it' })
    .trim()
    .min(1, 'expected "text" with the assessment; an empty draft is not saved')
    .max(MAX_DRAFT_TEXT_LENGTH, `expected "text" of at most ${MAX_DRAFT_TEXT_LENGTH} characters`),
});

export const draftEditResponseSchema = z.object({ draft: z.unknown() });

export const draftsResponseSchema = z.object({
  windowId: z.string(),
  drafts: z.array(z.unknown()),
  hint: z
    .string()
    .optional()
    .describe('Only when no draft is stored yet: drafts exist once a coordinator POSTs to this path'),
});

export const draftsGeneratedResponseSchema = z.object({
  windowId: z.string(),
  stored: z.array(z.string()).describe('Installations whose draft was (re)written'),
  keptEdited: z.array(z.string()).describe('Installations whose draft a person edited: left as it was'),
  drafts: z.array(z.unknown()),
});

export const summaryResponseSchema = z.object({
  windowId: z.string(),
  /** One sentence per budget and budget group, e.g. "CPU-hours: 662,547 CPU-hours used in PY1 (M01–M12); ...". */
  headlines: z.array(z.string()),
  /** The domain's WindowSummary (plain JSON): budgets, installations, countries, users, completeness. */
  summary: z.unknown(),
});

export const reportLinkQuerySchema = windowQuerySchema.extend({
  format: z
    .enum(REPORT_FORMATS, { error: `expected ?format= with one of ${REPORT_FORMATS.join(', ')}` })
    .default('docx'),
});

/** GET .../report: the window and format; a signed link (from POST .../report/link) adds expires and signature. */
export const reportQuerySchema = reportLinkQuerySchema.extend({
  expires: z.string().optional(),
  signature: z.string().max(256).optional(),
});

export const reportLinkResponseSchema = z.object({
  /** GET this without any token until expiresAt: the report file. */
  url: z.string(),
  /** ISO instant. */
  expiresAt: z.string(),
  /** What the sheet's Report tab shows: executive summary lines and the list of sections (domain ReportOutline). */
  outline: z.object({
    title: z.string(),
    windowId: z.string(),
    windowLabel: z.string(),
    executiveSummary: z.array(z.string()),
    sections: z.array(z.object({ number: z.string(), title: z.string(), assessment: z.string().optional() })),
    missingAssessments: z.array(z.string()),
  }),
});

export const healthResponseSchema = z.object({ status: z.literal('ok') });

/**
 * A cell's latest submission when it is not the current value (it was rejected): a client whose cell
 * still holds this input repeats this answer instead of sending it again.
 */
export const latestSubmissionSchema = z.object({
  /** As submitted. */
  raw: rawInputSchema,
  status: outcomeStatusSchema,
  /** The issues' messages joined, as in a POST outcome. */
  message: z.string(),
  issues: z.array(validationIssueSchema),
  /** Its version in the cell's history. */
  version: z.number().int(),
  submittedAt: z.string(),
});

/** One cell's current value, for a client comparing what a sheet shows with what is stored. */
export const currentEntrySchema = z.object({
  ...entryKeyShape,
  /** As submitted: a number, text, boolean or null (a cleared cell). */
  raw: rawInputSchema,
  status: outcomeStatusSchema,
  normalized: z.string(),
  version: z.number().int(),
  /** The warnings' messages joined, '' when there is nothing to say. */
  message: z.string(),
  /** Absent when the latest submission is this value (or was stored before latest inputs were kept). */
  latest: latestSubmissionSchema.optional(),
});

export const currentEntriesResponseSchema = z.object({
  periodId: z.string(),
  entries: z.array(currentEntrySchema),
  /** Cells every submission of which was rejected: no current value, only the latest refused input. */
  unstored: z.array(z.object({ ...entryKeyShape, latest: latestSubmissionSchema })),
});

/** GET entries?periods=: one answer per period asked for, in the order asked, duplicates once. */
export const currentEntriesOfPeriodsResponseSchema = z.object({
  periods: z.array(currentEntriesResponseSchema),
});

export const accessRoleSchema = z.enum(['coordinator', 'partner', 'none']);

/** Who the caller is in a project: 200 even for "none", so a settings check can say so plainly. */
export const accessResponseSchema = z.object({
  projectId: z.string(),
  email: z.string(),
  role: accessRoleSchema,
  installations: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const calendarPeriodSchema = z.object({
  id: z.string(),
  /** "M01–M06". */
  label: z.string(),
  firstMonth: z.number().int(),
  lastMonth: z.number().int(),
  /** ISO dates in the project's time zone; end is the last day, inclusive. */
  startDate: z.string(),
  endDate: z.string(),
});

export const calendarResponseSchema = z.object({
  projectId: z.string(),
  periods: z.array(calendarPeriodSchema),
  /** Project years, PY1..., as summaries and drafts accept them. */
  years: z.array(calendarPeriodSchema),
  /** The period holding today; the first before the project starts, the last after it ends. */
  currentPeriodId: z.string(),
  currentYearId: z.string(),
});

/** Every error answer: a stable code for programs and a sentence for people. */
export const errorResponseSchema = z.object({
  code: z.string(),
  message: z.string(),
  retryable: z.boolean().optional(),
  details: z.unknown().optional(),
});

export type CellSubmission = z.infer<typeof cellSubmissionSchema>;
export type EntriesRequest = z.input<typeof entriesRequestSchema>;
export type CellOutcome = z.infer<typeof cellOutcomeSchema>;
export type EntriesResponse = z.infer<typeof entriesResponseSchema>;
export type HistoryItem = z.infer<typeof historyItemSchema>;
export type HistoryResponse = z.infer<typeof historyResponseSchema>;
export type ConfigResponse = z.infer<typeof configResponseSchema>;
export type DraftEditRequest = z.input<typeof draftEditRequestSchema>;
export type DraftEditResponse = z.infer<typeof draftEditResponseSchema>;
export type DraftsResponse = z.infer<typeof draftsResponseSchema>;
export type DraftsGeneratedResponse = z.infer<typeof draftsGeneratedResponseSchema>;
export type SummaryResponse = z.infer<typeof summaryResponseSchema>;
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type ReportLinkResponse = z.infer<typeof reportLinkResponseSchema>;
export type RawInput = z.infer<typeof rawInputSchema>;
export type ActingFor = z.infer<typeof actingForSchema>;
export type SubmissionVia = z.infer<typeof submissionViaSchema>;
export type CurrentEntryView = z.infer<typeof currentEntrySchema>;
export type CurrentEntriesResponse = z.infer<typeof currentEntriesResponseSchema>;
export type CurrentEntriesOfPeriodsResponse = z.infer<typeof currentEntriesOfPeriodsResponseSchema>;
export type LatestSubmissionView = z.infer<typeof latestSubmissionSchema>;
export type UnstoredCellView = CurrentEntriesResponse['unstored'][number];
export type AccessRole = z.infer<typeof accessRoleSchema>;
export type AccessResponse = z.infer<typeof accessResponseSchema>;
export type CalendarPeriod = z.infer<typeof calendarPeriodSchema>;
export type CalendarResponse = z.infer<typeof calendarResponseSchema>;
