import { z } from 'zod';
import { SheetsApiError, statusOfCode } from './sheets-api-error';

export const faultSchema = z.object({
  /** An API method name such as "spreadsheets.batchUpdate"; absent = any method. */
  method: z.string().min(1).optional(),
  status: z.union([z.literal(429), z.literal(500), z.literal(503)]),
  times: z.number().int().min(1),
  retryAfterSeconds: z.number().int().min(0).optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
});

export type Fault = z.infer<typeof faultSchema>;

const MESSAGES: Record<Fault['status'], string> = {
  429: "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'sheets.googleapis.com' (injected by the local Sheets API).",
  500: 'Internal error encountered (injected by the local Sheets API).',
  503: 'The service is currently unavailable (injected by the local Sheets API).',
};

/** Faults are consumed one per request, oldest first, by the first one that matches the method. */
export class FaultInjector {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  /** The error to answer instead of handling the request, and how long to wait first. */
  take(method: string): { error: SheetsApiError; delayMs: number } | undefined {
    const fault = this.faults.find(
      (candidate) => candidate.method === undefined || candidate.method === method,
    );
    if (fault === undefined) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    const headers: Record<string, string> =
      fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
    return {
      error: new SheetsApiError(statusOfCode(fault.status), MESSAGES[fault.status], headers),
      delayMs: fault.delayMs ?? 0,
    };
  }
}
