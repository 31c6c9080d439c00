import { z } from 'zod';

/** What only the backend can check of its own deployment, in the order a deployer fixes them. */
export const DIAGNOSTIC_CHECKS = [
  'table-writable',
  'sheet-bound',
  'sheet-shared',
  'sheet-writable',
  'report-link-secret',
] as const;
export type DiagnosticCheckId = (typeof DIAGNOSTIC_CHECKS)[number];

export const diagnosticCheckSchema = z.object({
  id: z.enum(DIAGNOSTIC_CHECKS),
  /** "skipped" when an earlier check failed and this one cannot be tried (no sheet bound...). */
  status: z.enum(['pass', 'fail', 'skipped']),
  /** What was found and, when it failed, what to do. Never a secret's value. */
  message: z.string(),
});
export type DiagnosticCheck = z.infer<typeof diagnosticCheckSchema>;

/** GET /v1/projects/{id}/diagnostics (coordinators only). */
export const diagnosticsResponseSchema = z.object({
  projectId: z.string(),
  checks: z.array(diagnosticCheckSchema),
});
export type DiagnosticsResponse = z.infer<typeof diagnosticsResponseSchema>;
