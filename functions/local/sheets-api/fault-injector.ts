import { z } from 'zod';
import { API_METHODS, type ApiMethodName } from './api-methods';
import { SheetsApiError, statusOfCode } from './sheets-api-error';

/** Bounds that keep a fault a test's tool: a runaway `times` or `delayMs` would wedge the local stack. */
export const MAX_FAULT_TIMES = 100;
export const MAX_FAULT_DELAY_MS = 10_000;

export const faultSchema = z
  .strictObject({
    /** An API method the double serves, such as "spreadsheets.batchUpdate"; absent = any method. */
    method: z.enum(Object.keys(API_METHODS) as [ApiMethodName, ...ApiMethodName[]]).optional(),
    /** The error answered; absent when `reset` is set. */
    status: z.union([z.literal(429), z.literal(500), z.literal(503)]).optional(),
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

const MESSAGES: Record<429 | 500 | 503, string> = {
  429: "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'sheets.googleapis.com' (injected by the local Sheets API).",
  500: 'Internal error encountered (injected by the local Sheets API).',
  503: 'The service is currently unavailable (injected by the local Sheets API).',
};

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
      error:
        fault.status === undefined
          ? undefined
          : new SheetsApiError(statusOfCode(fault.status), MESSAGES[fault.status], headers),
      delayMs: fault.delayMs ?? 0,
      afterApplying: fault.afterApplying === true,
    };
  }
}
