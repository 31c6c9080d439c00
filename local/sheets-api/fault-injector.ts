import { z } from 'zod';
import { API_METHODS, type ApiMethodName } from './api-methods';
import { type ErrorInfo, SheetsApiError, statusOfCode } from './sheets-api-error';

/** Bounds that keep a fault a test's tool: a runaway `times` or `delayMs` would wedge the local stack. */
export const MAX_FAULT_TIMES = 100;
export const MAX_FAULT_DELAY_MS = 10_000;

export const faultSchema = z
  .strictObject({
    /** An API method the double serves, such as "spreadsheets.batchUpdate"; absent = any method. */
    method: z.enum(Object.keys(API_METHODS) as [ApiMethodName, ...ApiMethodName[]]).optional(),
    /** The error answered; absent when `reset` is set. */
    status: z
      .union([z.literal(401), z.literal(403), z.literal(429), z.literal(500), z.literal(503)])
      .optional(),
    /**
     * Google's `google.rpc.ErrorInfo` reason, e.g. SERVICE_DISABLED or ACCESS_TOKEN_SCOPE_INSUFFICIENT,
     * answered in `error.details` as Google does (https://cloud.google.com/apis/design/errors).
     */
    reason: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/)
      .optional(),
    /** The ErrorInfo's metadata, e.g. { consumer: "projects/123" } (service: sheets.googleapis.com added). */
    reasonMetadata: z.record(z.string(), z.string()).optional(),
    /** The connection is reset (no answer at all), as a network failure or a timeout does. */
    reset: z.literal(true).optional(),
    /**
     * The request is applied first, then failed: what a client sees when Google applied a batch and
     * the answer was lost (a timeout, a reset, a 500 after the write), so its retry meets work done.
     */
    afterApplying: z.literal(true).optional(),
    times: z.number().int().min(1).max(MAX_FAULT_TIMES),
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
    delayMs: z.number().int().min(0).max(MAX_FAULT_DELAY_MS).optional(),
  })
  .refine((fault) => (fault.status === undefined) !== (fault.reset === undefined), {
    message: 'exactly one of status and reset must be given',
  })
  .refine((fault) => !(fault.afterApplying && fault.status === 429), {
    message: 'a 429 refuses a request before applying it; afterApplying takes 500, 503 or reset',
  });

export type Fault = z.input<typeof faultSchema>;
type ParsedFault = z.output<typeof faultSchema>;

const MESSAGES: Record<401 | 403 | 429 | 500 | 503, string> = {
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

function injectedError(fault: ParsedFault, headers: Record<string, string>): SheetsApiError | undefined {
  if (fault.status === undefined) return undefined;
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
  return new SheetsApiError(statusOfCode(fault.status), message, headers, details);
}

/** What the server does instead of (or after) answering a request. */
export interface InjectedFault {
  /** The error to answer; undefined = reset the connection. */
  error: SheetsApiError | undefined;
  delayMs: number;
  afterApplying: boolean;
}

/** Faults are consumed one per request, oldest first, by the first one that matches the method. */
export class FaultInjector {
  private faults: ParsedFault[] = [];

  add(fault: ParsedFault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  take(method: string): InjectedFault | undefined {
    const fault = this.faults.find(
      (candidate) => candidate.method === undefined || candidate.method === method,
    );
    if (fault === undefined) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    const headers: Record<string, string> =
      fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
    return {
      error: injectedError(fault, headers),
      delayMs: fault.delayMs ?? 0,
      afterApplying: fault.afterApplying === true,
    };
  }
}
