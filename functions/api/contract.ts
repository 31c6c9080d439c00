/**
 * The HTTP API's request and response bodies. The Apps Script add-on imports this module too, so it
 * stays free of Node imports: zod and the domain's pure schemas only.
 */
import { z } from 'zod';
import { projectConfigSchema } from '../domain/config/project-config-schema';

export const API_PREFIX = '/v1';

/** A pasted range larger than this is refused whole (413): the add-on splits bigger pastes. */
export const MAX_CELLS_PER_REQUEST = 500;
/** Any request body above 1 MiB is refused (413) before it is parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Google Sheets holds at most 50,000 characters in a cell; anything longer did not come from one. */
export const MAX_RAW_TEXT_LENGTH = 50_000;

const idSchema = z
  .string()
  .trim()
  .min(1, 'expected an id such as "ifca-cpu"')
  .max(64, 'ids are at most 64 characters');

export const periodIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^P[1-9][0-9]*$/, 'expected a period id such as "P1"')
  .transform((text) => text as `P${number}`);

/** What a person typed, or what Sheets sent: numbers arrive as numbers, everything else as text. */
export const rawInputSchema = z.union([
  z.string().max(MAX_RAW_TEXT_LENGTH, `a cell holds at most ${MAX_RAW_TEXT_LENGTH} characters`),
  z.number(),
  z.boolean(),
  z.null(),
]);

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
});

export const entriesRequestSchema = z.strictObject({
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
  installationId: z.string(),
  metricId: z.string(),
  periodId: z.string(),
  cell: z.string().optional(),
  status: outcomeStatusSchema,
  /** The issues' messages joined, '' when there is nothing to say: what the add-on puts in the note. */
  message: z.string(),
  issues: z.array(validationIssueSchema),
  normalized: z.string(),
  value: metricValueSchema.nullable(),
  /** The stored version of this submission; null when it was not stored (unknown installation...). */
  version: z.number().int().nullable(),
});

export const entriesResponseSchema = z.object({ outcomes: z.array(cellOutcomeSchema) });

export const historyItemSchema = z.object({
  version: z.number().int(),
  raw: rawInputSchema,
  status: outcomeStatusSchema,
  value: metricValueSchema.nullable(),
  normalized: z.string(),
  issues: z.array(validationIssueSchema),
  editor: z.string().nullable(),
  submittedAt: z.string(),
  current: z.boolean(),
});

export const historyResponseSchema = z.object({
  installationId: z.string(),
  metricId: z.string(),
  periodId: z.string(),
  items: z.array(historyItemSchema).describe('Oldest first'),
});

export const configPutRequestSchema = projectConfigSchema;
export const configResponseSchema = z.object({ config: projectConfigSchema });

export const windowQuerySchema = z.object({
  period: z
    .string({ error: 'expected ?period= with P<n>, PY<n> or CUM-P<n>, e.g. ?period=PY1' })
    .trim()
    .min(1, 'expected ?period= with P<n>, PY<n> or CUM-P<n>, e.g. ?period=PY1'),
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

export const healthResponseSchema = z.object({ status: z.literal('ok') });

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

/** Paths of the API, so the add-on and the tests build them the same way. */
export const apiPaths = {
  health: () => '/health',
  config: (projectId: string) => `${API_PREFIX}/projects/${encodeURIComponent(projectId)}/config`,
  entries: (projectId: string) => `${API_PREFIX}/projects/${encodeURIComponent(projectId)}/entries`,
  history: (projectId: string, installationId: string, metricId: string, periodId: string) =>
    `${API_PREFIX}/projects/${[projectId, 'entries', installationId, metricId, periodId]
      .map(encodeURIComponent)
      .join('/')}/history`,
  summary: (projectId: string, period: string) =>
    `${API_PREFIX}/projects/${encodeURIComponent(projectId)}/summary?period=${encodeURIComponent(period)}`,
  drafts: (projectId: string, period: string) =>
    `${API_PREFIX}/projects/${encodeURIComponent(projectId)}/drafts?period=${encodeURIComponent(period)}`,
  draft: (projectId: string, installationId: string, period: string) =>
    `${API_PREFIX}/projects/${encodeURIComponent(projectId)}/drafts/${encodeURIComponent(installationId)}?period=${encodeURIComponent(period)}`,
};
