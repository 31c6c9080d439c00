import {
  SheetNotFoundError,
  SheetNotSharedError,
  SheetsError,
  SheetsRequestRejectedError,
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
}

interface GaxiosLike {
  status?: unknown;
  code?: unknown;
  message?: unknown;
  response?: { status?: number; headers?: unknown; data?: { error?: { message?: string; status?: string } } };
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
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

export function describeSheetsFailure(error: unknown, nowMs: number): SheetsFailure {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as GaxiosLike;
  const status =
    shape.response?.status ??
    (typeof shape.status === 'number' ? shape.status : undefined) ??
    (typeof shape.code === 'number' ? shape.code : undefined);
  const message =
    shape.response?.data?.error?.message ??
    (typeof shape.message === 'string' ? shape.message : String(error));
  if (status === undefined) {
    const code = typeof shape.code === 'string' ? shape.code : undefined;
    const network = code !== undefined && NETWORK_CODES.has(code);
    return {
      status,
      retryable: network || /fetch failed|socket|ECONN/i.test(message),
      retryAfterMs: undefined,
      message,
    };
  }
  return {
    status,
    retryable: status === 429 || status >= 500,
    retryAfterMs: parseRetryAfter(header(shape.response?.headers, 'retry-after'), nowMs),
    message,
  };
}

export interface FailureContext {
  spreadsheetId: string;
  projectId: string;
  serviceAccountEmail: string;
}

/** The typed error for a failure that is not retried (or no longer): the one mapping of Google's statuses. */
export function normaliseSheetsError(error: unknown, failure: SheetsFailure, context: FailureContext): Error {
  if (error instanceof SheetsError) return error;
  if (failure.status === 403 || failure.status === 401) {
    return new SheetNotSharedError(context.spreadsheetId, context.serviceAccountEmail, { cause: error });
  }
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
