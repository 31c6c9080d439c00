/** Cancellation reasons after which trying again is the right move. */
const RETRY_CANCELLATION_CODES = new Set([
  'None',
  'ConditionalCheckFailed',
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

/** Whole-call errors that mean "someone else is writing these items right now". */
const RETRY_ERROR_NAMES = new Set([
  'ConditionalCheckFailedException',
  'TransactionConflictException',
  'TransactionInProgressException',
  'IdempotentParameterMismatchException',
]);

interface CancellationShape {
  name?: string;
  CancellationReasons?: { Code?: string }[];
}

/** The code of each action's cancellation reason, by its slot; undefined when the error has none. */
export function cancellationCodes(error: unknown): string[] | undefined {
  return (error as CancellationShape).CancellationReasons?.map((item) => item.Code ?? 'None');
}

/** Why a failed transaction may be tried again, or undefined when it may not. */
export function retryReason(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, CancellationReasons } = error as CancellationShape;
  if (name !== undefined && RETRY_ERROR_NAMES.has(name)) return name;
  if (name !== 'TransactionCanceledException' || !Array.isArray(CancellationReasons)) return undefined;
  const codes = CancellationReasons.map((reason) => reason.Code ?? 'None');
  if (!codes.every((code) => RETRY_CANCELLATION_CODES.has(code))) return undefined;
  return codes.find((code) => code !== 'None' && code !== 'ConditionalCheckFailed') ?? 'contention';
}
