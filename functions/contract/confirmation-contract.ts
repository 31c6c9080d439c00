/**
 * The wire contract of confirmations (issue 19, item 2): a partner stands behind one installation's
 * figures of one period. Kept beside contract.ts so that file stays within its size limit.
 */
import { z } from 'zod';
import { MAX_JUSTIFICATION_LENGTH } from '../domain/confirmations/confirmation';
import { periodIdSchema } from './contract';

const metricIdSchema = z.string().trim().min(1).max(64);

/** POST .../confirmations: what the partner saw (the versions the preview answered) and their lines. */
export const confirmationRequestSchema = z.strictObject({
  installationId: z.string().trim().min(1, 'expected an installation id such as "ifca-cpu"').max(64),
  period: periodIdSchema,
  versions: z
    .record(metricIdSchema, z.number().int().positive())
    .describe('metricId → the version the preview showed: the confirmation covers exactly what was seen'),
  justifications: z
    .record(
      metricIdSchema,
      z
        .string()
        .max(
          MAX_JUSTIFICATION_LENGTH,
          `a justification is one line of at most ${MAX_JUSTIFICATION_LENGTH} characters`,
        ),
    )
    .default({})
    .describe('metricId → one line saying why a value with a warning stands'),
});

/** GET .../confirmations/:installationId?period=P3 */
export const confirmationPreviewQuerySchema = z.object({
  period: periodIdSchema,
});

export type ConfirmationRequest = z.input<typeof confirmationRequestSchema>;

export type ConfirmationStateName = 'confirmed' | 'stale' | 'not-confirmed';

/** One installation and period as GET .../confirmations answers it. */
export interface ConfirmationStatusView {
  installationId: string;
  installationName: string;
  periodId: string;
  state: ConfirmationStateName;
  confirmedBy: string | null;
  confirmedAt: string | null;
  /** For a stale confirmation: the metrics whose cells changed since. */
  changedMetrics: string[];
  justifications: { metricId: string; ruleIds: string[]; text: string }[];
  /** As the report prints it. */
  sentence: string;
}

export interface ConfirmationsResponse {
  windowId: string;
  confirmations: ConfirmationStatusView[];
}

/** What the partner sees before confirming: values, open warnings, totals, and what blocks it. */
export interface ConfirmationPreview {
  installationId: string;
  installationName: string;
  periodId: string;
  periodLabel: string;
  cells: {
    metricId: string;
    label: string;
    unit: string;
    /** As the report prints it; "missing" for an empty cell. */
    text: string;
    version: number | null;
    status: 'accepted' | 'warning' | 'rejected' | 'empty';
    warnings: string[];
  }[];
  /** The period's figures as the report totals them: "CPU-hours: 393,888". */
  totals: string[];
  blocking: { metricId: string; reason: 'empty' | 'rejected'; message: string }[];
  /** Each needs one line of justification. */
  warnings: { metricId: string; normalized: string; ruleIds: string[]; messages: string[] }[];
  /** Send these back with the confirmation. */
  versions: Record<string, number>;
  /** Whether the caller may confirm (a listed editor of the installation). */
  mayConfirm: boolean;
  current: ConfirmationStatusView;
}

export interface ConfirmationResponse {
  confirmation: ConfirmationStatusView;
}
