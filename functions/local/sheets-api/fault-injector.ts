import { z } from 'zod';
import { type ErrorInfo, SheetsApiError, statusOfCode } from './sheets-api-error';

export const faultSchema = z.object({
  /** An API method name such as "spreadsheets.batchUpdate"; absent = any method. */
  method: z.string().min(1).optional(),
  status: z.union([z.literal(401), z.literal(403), z.literal(429), z.literal(500), z.literal(503)]),
  times: z.number().int().min(1),
  retryAfterSeconds: z.number().int().min(0).optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  /**
   * Google's `google.rpc.ErrorInfo` reason, e.g. SERVICE_DISABLED or ACCESS_TOKEN_SCOPE_INSUFFICIENT,
   * answered in `error.details` as Google does (https://cloud.google.com/apis/design/errors).
   */
  reason: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/)
    .optional(),
  /** The ErrorInfo's metadata, e.g. { service: "sheets.googleapis.com", consumer: "projects/123" }. */
  reasonMetadata: z.record(z.string(), z.string()).optional(),
  /**
   * The request is applied, then the error is answered: what a caller sees when Google applied a
   * batch but the answer was lost (a timeout, a reset, a 5xx from a front end).
   */
  afterApplying: z.literal(true).optional(),
});

export type Fault = z.infer<typeof faultSchema>;

const MESSAGES: Record<Fault['status'], string> = {
  401: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. (injected by the local Sheets API)',
  403: 'The caller does not have permission (injected by the local Sheets API).',
  429: "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'sheets.googleapis.com' (injected by the local Sheets API).",
  500: 'Internal error encountered (injected by the local Sheets API).',
  503: 'The service is currently unavailable (injected by the local Sheets API).',
};

/** Google's own wording for the reasons tests inject (examples of https://cloud.google.com/apis/design/errors). */
const REASON_MESSAGES: Record<string, (metadata: Record<string, string>) => string> = {
  SERVICE_DISABLED: (metadata) => {
    const project = (metadata.consumer ?? 'projects/0').replace('projects/', '');
    return `Google Sheets API has not been used in project ${project} before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=${project} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry. (injected by the local Sheets API)`;
  },
  ACCESS_TOKEN_SCOPE_INSUFFICIENT: () =>
    'Request had insufficient authentication scopes. (injected by the local Sheets API)',
};

export interface InjectedFault {
  error: SheetsApiError;
  delayMs: number;
  afterApplying: boolean;
}

/** Faults are consumed one per request, oldest first, by the first one that matches the method. */
export class FaultInjector {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  /** The error to answer instead of (or, afterApplying, after) handling the request, and how long to wait first. */
  take(method: string): InjectedFault | undefined {
    const fault = this.faults.find(
      (candidate) => candidate.method === undefined || candidate.method === method,
    );
    if (fault === undefined) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    const headers: Record<string, string> =
      fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
    const metadata = { service: 'sheets.googleapis.com', ...fault.reasonMetadata };
    const details: ErrorInfo[] =
      fault.reason === undefined
        ? []
        : [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: fault.reason,
              domain: 'googleapis.com',
              metadata,
            },
          ];
    const message =
      (fault.reason === undefined ? undefined : REASON_MESSAGES[fault.reason]?.(metadata)) ??
      MESSAGES[fault.status];
    return {
      error: new SheetsApiError(statusOfCode(fault.status), message, headers, details),
      delayMs: fault.delayMs ?? 0,
      afterApplying: fault.afterApplying === true,
    };
  }
}
