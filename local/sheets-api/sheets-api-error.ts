/** Google's canonical codes, as the Sheets API puts them in `error.status`. */
export type GoogleStatus =
  | 'INVALID_ARGUMENT'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  /** Not a canonical code: Google's HTTP front end answers 413 to a body it will not read. */
  | 'PAYLOAD_TOO_LARGE'
  | 'RESOURCE_EXHAUSTED'
  | 'INTERNAL'
  | 'UNAVAILABLE';

const CODES: Record<GoogleStatus, number> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export const statusOfCode = (code: number): GoogleStatus =>
  (Object.entries(CODES).find(([, value]) => value === code)?.[0] as GoogleStatus | undefined) ?? 'INTERNAL';

/** Google's `google.rpc.ErrorInfo` detail: why, in a machine-readable reason (https://cloud.google.com/apis/design/errors). */
export interface ErrorInfo {
  '@type': 'type.googleapis.com/google.rpc.ErrorInfo';
  reason: string;
  domain: string;
  metadata: Record<string, string>;
}

/** Answered as `{ error: { code, message, status, details? } }`, Google's JSON error shape. */
export class SheetsApiError extends Error {
  readonly code: number;
  constructor(
    readonly status: GoogleStatus,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly details: readonly ErrorInfo[] = [],
  ) {
    super(message);
    this.name = 'SheetsApiError';
    this.code = CODES[status];
  }

  body(): { error: { code: number; message: string; status: GoogleStatus; details?: ErrorInfo[] } } {
    const details = this.details.length === 0 ? {} : { details: [...this.details] };
    return { error: { code: this.code, message: this.message, status: this.status, ...details } };
  }
}

export const invalidArgument = (message: string): SheetsApiError =>
  new SheetsApiError('INVALID_ARGUMENT', message);

export const notImplemented = (what: string): SheetsApiError =>
  invalidArgument(`${what} is not implemented by the local Sheets API.`);
