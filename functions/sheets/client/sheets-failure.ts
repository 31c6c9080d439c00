import { SHEETS_SCOPE } from './sheets-credentials';
import {
  SheetNotFoundError,
  SheetNotSharedError,
  SheetsAccessDeniedError,
  SheetsApiDisabledError,
  SheetsCredentialsRejectedError,
  SheetsError,
  SheetsRequestRejectedError,
  SheetsScopeMissingError,
  SheetsUnavailableError,
} from './sheets-errors';

/** What the retry loop needs to know of a failed call. */
export interface SheetsFailure {
  /** HTTP status, or undefined when no answer came (connection refused, reset, timeout). */
  status: number | undefined;
  retryable: boolean;
  /** Google's Retry-After, in milliseconds. */
  retryAfterMs: number | undefined;
  message: string;
  /** Google's canonical status name ("PERMISSION_DENIED"), when the answer carried one. */
  googleStatus: string | undefined;
  /** The reason of Google's google.rpc.ErrorInfo detail ("SERVICE_DISABLED"), when given. */
  reason: string | undefined;
  /** That detail's metadata: service, consumer, activationUrl... */
  reasonMetadata: Record<string, string>;
  /** Google's OAuth token endpoint refused the key ("invalid_grant"): its `error` is a string. */
  oauthError: string | undefined;
}

interface GoogleErrorDetail {
  '@type'?: unknown;
  reason?: unknown;
  metadata?: unknown;
}

interface GaxiosLike {
  status?: unknown;
  code?: unknown;
  message?: unknown;
  response?: {
    status?: number;
    headers?: unknown;
    data?: {
      error?: { message?: string; status?: string; details?: unknown } | string;
      error_description?: unknown;
    };
  };
}

const ERROR_INFO_TYPE = 'type.googleapis.com/google.rpc.ErrorInfo';

/** Google's error model (https://cloud.google.com/apis/design/errors): the ErrorInfo detail says why. */
function errorInfoOf(details: unknown): { reason: string | undefined; metadata: Record<string, string> } {
  const info = (Array.isArray(details) ? (details as GoogleErrorDetail[]) : []).find(
    (detail) => detail?.['@type'] === ERROR_INFO_TYPE && typeof detail.reason === 'string',
  );
  const metadata: Record<string, string> = {};
  if (info?.metadata !== null && typeof info?.metadata === 'object') {
    for (const [key, value] of Object.entries(info.metadata as Record<string, unknown>)) {
      if (typeof value === 'string') metadata[key] = value;
    }
  }
  return { reason: info?.reason as string | undefined, metadata };
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  // gaxios names a request cut by its `timeout` (AbortSignal.timeout) after the DOMException.
  'TimeoutError',
]);

function header(headers: unknown, name: string): string | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * No answer: a network code or message on the error or its causes. gaxios wraps fetch's failure
 * ("Unexpected Gaxios Error" <- TypeError "fetch failed" <- SocketError UND_ERR_SOCKET on a reset).
 */
function lostConnection(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (typeof message === 'string' && /fetch failed|socket|ECONN|other side closed/i.test(message))
      return true;
    current = cause;
  }
  return false;
}

export function describeSheetsFailure(error: unknown, nowMs: number): SheetsFailure {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as GaxiosLike;
  const status =
    shape.response?.status ??
    (typeof shape.status === 'number' ? shape.status : undefined) ??
    (typeof shape.code === 'number' ? shape.code : undefined);
  const data = shape.response?.data;
  const googleError = typeof data?.error === 'object' && data.error !== null ? data.error : undefined;
  const oauthError = typeof data?.error === 'string' ? data.error : undefined;
  const oauthDescription =
    typeof data?.error_description === 'string' ? `${oauthError}: ${data.error_description}` : oauthError;
  const message =
    googleError?.message ??
    oauthDescription ??
    (typeof shape.message === 'string' ? shape.message : String(error));
  const info = errorInfoOf(googleError?.details);
  const described = {
    message,
    googleStatus: googleError?.status,
    reason: info.reason,
    reasonMetadata: info.metadata,
    oauthError,
  };
  if (status === undefined) {
    return { status, retryable: lostConnection(error), retryAfterMs: undefined, ...described };
  }
  return {
    status,
    retryable: status === 429 || status >= 500,
    retryAfterMs: parseRetryAfter(header(shape.response?.headers, 'retry-after'), nowMs),
    ...described,
  };
}

/** The consumer's project number in "projects/123", for the console link Google itself gives. */
function activationUrlOf(metadata: Record<string, string>): string {
  if (metadata.activationUrl !== undefined) return metadata.activationUrl;
  const project = /^projects\/(.+)$/.exec(metadata.consumer ?? '')?.[1];
  return project === undefined
    ? 'https://console.cloud.google.com/apis/library/sheets.googleapis.com'
    : `https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=${project}`;
}

/**
 * 401 and 403 by Google's status and ErrorInfo reason (https://cloud.google.com/apis/design/errors):
 * only a 403 PERMISSION_DENIED without a reason means the spreadsheet is not shared with the account.
 */
function accessRefusal(error: unknown, failure: SheetsFailure, context: FailureContext): Error | undefined {
  const cause = { cause: error };
  // The token endpoint answers OAuth's own shape ({error: "invalid_grant"}) for a revoked or deleted key.
  if (failure.status === 401 || (failure.oauthError !== undefined && failure.status === 400)) {
    return new SheetsCredentialsRejectedError(context.serviceAccountEmail, failure.message, cause);
  }
  if (failure.status !== 403) return undefined;
  if (failure.reason === 'SERVICE_DISABLED' || failure.reason === 'ACCESS_NOT_CONFIGURED') {
    return new SheetsApiDisabledError(
      activationUrlOf(failure.reasonMetadata),
      failure.reasonMetadata.consumer,
      cause,
    );
  }
  if (failure.reason === 'ACCESS_TOKEN_SCOPE_INSUFFICIENT')
    return new SheetsScopeMissingError(SHEETS_SCOPE, cause);
  if (failure.reason === undefined) {
    return new SheetNotSharedError(context.spreadsheetId, context.serviceAccountEmail, cause);
  }
  return new SheetsAccessDeniedError(failure.reason, failure.message, cause);
}

export interface FailureContext {
  spreadsheetId: string;
  projectId: string;
  serviceAccountEmail: string;
}

/** The typed error for a failure that is not retried (or no longer): the one mapping of Google's statuses. */
export function normaliseSheetsError(error: unknown, failure: SheetsFailure, context: FailureContext): Error {
  if (error instanceof SheetsError) return error;
  const refusal = accessRefusal(error, failure, context);
  if (refusal !== undefined) return refusal;
  if (failure.status === 404)
    return new SheetNotFoundError(context.spreadsheetId, context.projectId, { cause: error });
  if (failure.retryable) {
    return new SheetsUnavailableError(
      failure.status === undefined ? failure.message : `HTTP ${failure.status}`,
      {
        cause: error,
      },
    );
  }
  if (failure.status === 400) return new SheetsRequestRejectedError(failure.message, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}
