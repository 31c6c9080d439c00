/**
 * What storage failures mean to a caller. normaliseStorageError is the only place that reads SDK error
 * names and codes; the HTTP edge maps these classes to responses (503 + retryable for the first).
 */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The store cannot be reached or is too busy right now; the same request can be sent again later. */
export class StorageUnavailableError extends StorageError {
  readonly retryable = true as const;

  constructor(
    /** Short machine-readable cause: "ECONNREFUSED", "ThrottlingException", "contention"... */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Storage is unavailable right now (${reason}); nothing was lost, try again shortly.`, options);
  }
}

/**
 * The project's configuration was saved again after the submission was validated with it: nothing of
 * the submission was stored by the failed transaction, and it is validated again with the new one.
 */
export class ConfigChangedError extends StorageUnavailableError {
  constructor(readonly projectId: string) {
    super('configuration-changed');
  }
}

/** The caller edited a value it read at `expected`, but the cell has since moved to `actual`. */
export class VersionConflictError extends StorageError {
  readonly retryable = false as const;

  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      `The value changed while you were editing it: you started from version ${expected}, the current version is ${actual}. Reload and edit again.`,
    );
  }
}

/**
 * A requestId already recorded for this cell came back with something else to store: a retry must be
 * the same request, so this is refused instead of answering the first request's result.
 */
export class RequestIdReusedError extends StorageError {
  readonly retryable = false as const;

  constructor(
    readonly key: { installationId: string; metricId: string; periodId: string },
    readonly requestId: string,
  ) {
    super(
      `The requestId "${requestId}" was already used for a different value of ${key.installationId} / ${key.metricId} / ${key.periodId}; send a new requestId with a new value.`,
    );
  }
}

export const MAX_ITEM_BYTES = 400 * 1024;

/** DynamoDB items are limited to 400 KB; this names what was too big. */
export class ItemTooLargeError extends StorageError {
  readonly retryable = false as const;

  constructor(
    readonly what: string,
    readonly bytes: number | undefined,
    readonly limitBytes: number = MAX_ITEM_BYTES,
  ) {
    super(
      bytes === undefined
        ? `The ${what} is larger than storage accepts (${formatKb(limitBytes)} per item); shorten it.`
        : `The ${what} is ${formatKb(bytes)}, more than storage accepts (${formatKb(limitBytes)} per item); shorten it.`,
    );
  }
}

function formatKb(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** Names DynamoDB and the SDK's retry logic give to "busy, try later". */
const UNAVAILABLE_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'TransactionConflictException',
  'TransactionInProgressException',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

/** Node.js socket errors: the store is down, unreachable or restarting. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** Reasons inside a TransactionCanceledException that mean "busy", not "your condition failed". */
const UNAVAILABLE_CANCELLATION_CODES = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  $metadata?: { httpStatusCode?: number };
  CancellationReasons?: { Code?: string; Message?: string }[];
}

function shape(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : {};
}

/** The first network code found on the error, its cause chain, or an AggregateError's members. */
function networkCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5) return undefined;
  const { code, cause, errors } = shape(error);
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
  if (Array.isArray(errors)) {
    for (const member of errors) {
      const found = networkCode(member, depth + 1);
      if (found !== undefined) return found;
    }
  }
  if (cause !== undefined) return networkCode(cause, depth + 1);
  // The SDK rewraps errors that are not `instanceof Error` in its own realm (as under jest's sandbox)
  // as "AWS SDK error wrapper for Error: connect ECONNREFUSED ...", keeping only the text.
  const { message } = shape(error);
  const inText = typeof message === 'string' ? /\b(E[A-Z_]{3,})\b/.exec(message)?.[1] : undefined;
  return inText !== undefined && NETWORK_CODES.has(inText) ? inText : undefined;
}

function isItemSizeMessage(message: unknown): boolean {
  return typeof message === 'string' && /item size|size of the item|exceeds? .*maximum .*size/i.test(message);
}

/**
 * Turns any error from the SDK into one of the storage errors above when it has such a meaning; other
 * errors (programming mistakes, missing table) are returned unchanged so they stay visible.
 */
export function normaliseStorageError(error: unknown): Error {
  if (error instanceof StorageError) return error;
  const { name, message, $metadata, CancellationReasons } = shape(error);
  const code = networkCode(error);
  if (code !== undefined) return new StorageUnavailableError(code, { cause: error });
  if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) {
    return new StorageUnavailableError(name, { cause: error });
  }
  if (name === 'TransactionCanceledException' && Array.isArray(CancellationReasons)) {
    const busy = CancellationReasons.find(
      (reason) => reason.Code !== undefined && UNAVAILABLE_CANCELLATION_CODES.has(reason.Code),
    );
    if (busy?.Code !== undefined) return new StorageUnavailableError(busy.Code, { cause: error });
    if (CancellationReasons.some((reason) => isItemSizeMessage(reason.Message))) {
      return new ItemTooLargeError('item', undefined);
    }
  }
  if (name === 'ValidationException' && isItemSizeMessage(message)) {
    return new ItemTooLargeError('item', undefined);
  }
  const status = $metadata?.httpStatusCode;
  if (status !== undefined && (status >= 500 || status === 429)) {
    return new StorageUnavailableError(`HTTP ${status}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}
