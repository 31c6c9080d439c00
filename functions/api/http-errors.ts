import { InvalidKeyPartError } from '../../infra/table-design';
import { ConfigurationError } from '../commons/env';
import type { ErrorResponse } from '../contract/contract';
import { DomainError, InvalidConfigError, InvalidWindowError } from '../domain/errors';
import { ReportLinkExpiredError, ReportLinkInvalidError } from '../report/report-link-errors';
import {
  SheetNotFoundError,
  SheetNotSharedError,
  SheetsAccessDeniedError,
  SheetsApiDisabledError,
  SheetsCredentialsRejectedError,
  SheetsRequestRejectedError,
  SheetsRequestTooLargeError,
  SheetsScopeMissingError,
  SheetsUnavailableError,
} from '../sheets/client/sheets-errors';
import {
  SheetNotBoundError,
  SheetOfAnotherProjectError,
  SheetProtectedByPersonError,
} from '../sheets/write-back/write-back-errors';
import { ConfigRevisionConflictError } from '../storage/config-revision';
import { LockNotActiveError } from '../storage/lock-store';
import { SpreadsheetOfAnotherProjectError } from '../storage/sheet-binding-store';
import {
  ItemTooLargeError,
  StorageUnavailableError,
  RequestIdReusedError as StoredRequestIdReusedError,
  VersionConflictError,
} from '../storage/storage-errors';
import { SpreadsheetEditNotProvenError } from '../use-cases/bind-proven-spreadsheet';
import { CellVersionConflictError } from '../use-cases/cell-version-conflict-error';
import { ConfigTabsStaleError } from '../use-cases/config-tabs-stale-error';
import {
  ConfirmationBlockedError,
  FiguresChangedError,
  JustificationNeededError,
  UnknownInstallationError,
} from '../use-cases/confirmation-errors';
import { NoActiveLockError, PeriodAlreadyLockedError } from '../use-cases/period-lock-errors';
import { RequestIdReusedError } from '../use-cases/request-id-reused-error';
import {
  InstallationNotFoundError,
  InvalidRequestError,
  MalformedBodyError,
  MalformedPathError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  ProjectNotFoundError,
  RouteNotFoundError,
} from './api-errors';
import { ForbiddenError, IdentityProviderUnavailableError, UnauthenticatedError } from './auth/auth-errors';
import type { ApiResponse } from './http-types';

/** Seconds a client waits before retrying a 503; the add-on retries once, then marks the cell. */
const RETRY_AFTER_SECONDS = '2';
/** The Sheets API's write quota is per minute: retrying a write-back sooner mostly meets another 429. */
const SHEETS_RETRY_AFTER_SECONDS = '30';

function answer(status: number, body: ErrorResponse, headers: Record<string, string> = {}): ApiResponse {
  return { status, body, headers };
}

type Log = (line: string) => void;

/** One row of the table: the first row whose class the error is an instance of answers it. */
interface ErrorRule {
  readonly type: abstract new (...args: never[]) => Error;
  readonly respond: (error: Error, log: Log) => ApiResponse;
}

/** Ties a class to its mapper so the mapper sees the class's own fields, type-checked. */
function rule<E extends Error>(
  type: abstract new (...args: never[]) => E,
  respond: (error: E, log: Log) => ApiResponse,
): ErrorRule {
  return { type, respond: respond as (error: Error, log: Log) => ApiResponse };
}

/** The same answer for several classes. */
function rules<E extends Error>(
  types: readonly (abstract new (...args: never[]) => E)[],
  respond: (error: E, log: Log) => ApiResponse,
): ErrorRule[] {
  return types.map((type) => rule(type, respond));
}

/** 400: the request itself is wrong. Subclasses come before DomainError, which catches the rest. */
const BAD_REQUEST_RULES: readonly ErrorRule[] = [
  rule(MalformedBodyError, (error) => answer(400, { code: 'malformed-body', message: error.message })),
  rule(MalformedPathError, (error) => answer(400, { code: 'malformed-path', message: error.message })),
  rule(InvalidRequestError, (error) =>
    answer(400, { code: 'invalid-request', message: error.message, details: error.problems }),
  ),
  rule(InvalidKeyPartError, (error) => answer(400, { code: 'invalid-request', message: error.message })),
  rule(InvalidWindowError, (error) => answer(400, { code: 'invalid-period', message: error.message })),
  rule(InvalidConfigError, (error) =>
    answer(400, { code: 'invalid-config', message: error.message, details: error.problems }),
  ),
  rule(DomainError, (error) => answer(400, { code: 'invalid-input', message: error.message })),
];

/** 401, 403, 404, 405: who is asking, and whether what they ask for exists. */
const ACCESS_RULES: readonly ErrorRule[] = [
  rule(UnauthenticatedError, (error) =>
    answer(
      401,
      {
        code: 'unauthenticated',
        message: error.message,
        ...(error.tokenAudience === undefined ? {} : { details: { tokenAudience: error.tokenAudience } }),
      },
      { 'www-authenticate': 'Bearer error="invalid_token"' },
    ),
  ),
  ...rules([ForbiddenError, SpreadsheetEditNotProvenError], (error) =>
    answer(403, { code: 'forbidden', message: error.message }),
  ),
  rule(ReportLinkExpiredError, (error) =>
    answer(403, { code: 'report-link-expired', message: error.message }),
  ),
  rule(ReportLinkInvalidError, (error) =>
    answer(403, { code: 'report-link-invalid', message: error.message }),
  ),
  ...rules(
    [RouteNotFoundError, ProjectNotFoundError, InstallationNotFoundError, UnknownInstallationError],
    (error) => answer(404, { code: 'not-found', message: error.message }),
  ),
  rule(MethodNotAllowedError, (error) =>
    answer(405, { code: 'method-not-allowed', message: error.message }, { allow: error.allowed.join(', ') }),
  ),
];

/** 409 and 413: the request is well formed but collides with what is stored, or is too big to store. */
const CONFLICT_RULES: readonly ErrorRule[] = [
  rule(VersionConflictError, (error) =>
    answer(409, {
      code: 'version-conflict',
      message: error.message,
      details: { expectedVersion: error.expected, currentVersion: error.actual },
    }),
  ),
  rule(ConfigRevisionConflictError, (error) =>
    answer(409, {
      code: 'config-changed',
      message: error.message,
      details: { expectedRevision: error.expected, currentRevision: error.current },
    }),
  ),
  rule(ConfigTabsStaleError, (error) =>
    answer(409, {
      code: 'config-tabs-stale',
      message: error.message,
      details: { tabsRevision: error.tabsRevision, currentRevision: error.stored.revision },
    }),
  ),
  rule(CellVersionConflictError, (error) =>
    answer(409, { code: 'version-conflict', message: error.message, details: error.conflicts }),
  ),
  rule(RequestIdReusedError, (error) =>
    answer(409, { code: 'request-id-reused', message: error.message, details: error.cells }),
  ),
  rule(StoredRequestIdReusedError, (error) =>
    answer(409, { code: 'request-id-reused', message: error.message }),
  ),
  rule(PeriodAlreadyLockedError, (error) =>
    answer(409, { code: 'period-locked', message: error.message, details: error.lockedPeriods }),
  ),
  ...rules<Error>([NoActiveLockError, LockNotActiveError], (error) =>
    answer(409, { code: 'period-not-locked', message: error.message }),
  ),
  rule(ConfirmationBlockedError, (error) =>
    answer(409, { code: 'confirmation-blocked', message: error.message, details: error.blocking }),
  ),
  rule(JustificationNeededError, (error) =>
    answer(409, {
      code: 'justification-needed',
      message: error.message,
      details: { unjustified: error.unjustified, malformed: error.malformed },
    }),
  ),
  rule(FiguresChangedError, (error) =>
    answer(409, { code: 'figures-changed', message: error.message, details: error.changes }),
  ),
  rule(PayloadTooLargeError, (error) => answer(413, { code: 'payload-too-large', message: error.message })),
  rule(ItemTooLargeError, (error) => answer(413, { code: 'item-too-large', message: error.message })),
  rule(StorageUnavailableError, (error, log) => {
    // Expected while the database is down: one line, not a stack per request.
    log(`storage unavailable: ${error.message}${causeOf(error)}`);
    return answer(
      503,
      {
        code: 'storage-unavailable',
        message: 'The database is unavailable right now; nothing was lost, retry shortly',
        retryable: true,
      },
      { 'retry-after': RETRY_AFTER_SECONDS },
    );
  }),
];

/** The spreadsheet's state: the request is right, the spreadsheet must change first (409). */
const SHEET_STATE_RULES: readonly ErrorRule[] = [
  rule(SheetNotBoundError, (error) => answer(409, { code: 'sheet-not-bound', message: error.message })),
  // The backend's record (bind) or the sheet's anchor (write-backs): the same state, the same answer.
  ...rules<Error>([SheetOfAnotherProjectError, SpreadsheetOfAnotherProjectError], (error) =>
    answer(409, { code: 'sheet-of-another-project', message: error.message }),
  ),
  rule(SheetProtectedByPersonError, (error) =>
    answer(409, { code: 'sheet-protected-by-person', message: error.message }),
  ),
  rule(SheetNotSharedError, (error) =>
    // 409 like the other sheet states: the request is right, the spreadsheet's state must change first.
    answer(409, {
      code: 'sheet-not-shared',
      message: error.message,
      details: { spreadsheetId: error.spreadsheetId, serviceAccountEmail: error.serviceAccountEmail },
    }),
  ),
  rule(SheetNotFoundError, (error) =>
    answer(409, {
      code: 'sheet-not-found',
      message: error.message,
      details: { spreadsheetId: error.spreadsheetId },
    }),
  ),
];

/** The service's Google side needs its operator (API enabled, key, scope): 502, Google refused us. */
function sheetsSetupRule(type: abstract new (...args: never[]) => Error, code: string): ErrorRule {
  return rule(type, (error, log) => {
    log(`sheets access refused: ${error.message}`);
    return answer(502, { code, message: error.message });
  });
}

/** Google's side of a write-back: unavailable, not set up, or refusing our request. */
const SHEETS_API_RULES: readonly ErrorRule[] = [
  rule(SheetsUnavailableError, (error, log) => {
    log(`sheets unavailable: ${error.message}${causeOf(error)}`);
    return answer(
      503,
      { code: 'sheets-unavailable', message: error.message, retryable: true },
      { 'retry-after': SHEETS_RETRY_AFTER_SECONDS },
    );
  }),
  sheetsSetupRule(SheetsApiDisabledError, 'sheets-api-disabled'),
  sheetsSetupRule(SheetsScopeMissingError, 'sheets-scope-missing'),
  sheetsSetupRule(SheetsCredentialsRejectedError, 'sheets-credentials-rejected'),
  sheetsSetupRule(SheetsAccessDeniedError, 'sheets-access-denied'),
  rule(SheetsRequestTooLargeError, (error, log) => {
    log(`sheets request too large: ${error.message}`);
    return answer(500, {
      code: 'sheets-request-too-large',
      message: error.message,
      details: { bytes: error.bytes, limitBytes: error.limitBytes },
    });
  }),
  rule(SheetsRequestRejectedError, (error, log) => {
    log(`sheets request rejected: ${error.message}`);
    return answer(502, { code: 'sheets-request-rejected', message: error.message });
  }),
];

/** The server's own dependencies and set-up: logged for the operator, told plainly to the caller. */
const SERVER_RULES: readonly ErrorRule[] = [
  rule(IdentityProviderUnavailableError, (error, log) => {
    log(`identity provider unavailable: ${describe(error)}`);
    return answer(
      503,
      { code: 'identity-provider-unavailable', message: error.message, retryable: true },
      { 'retry-after': RETRY_AFTER_SECONDS },
    );
  }),
  rule(ConfigurationError, (error, log) => {
    log(`configuration error: ${error.message}`);
    return answer(500, {
      code: 'misconfigured',
      message: `The server is misconfigured (${error.variables.join(', ')}); its operator has been told in the log`,
    });
  }),
];

/** Order matters where one class extends another: the first matching row wins. */
const ERROR_RULES: readonly ErrorRule[] = [
  ...BAD_REQUEST_RULES,
  ...ACCESS_RULES,
  ...CONFLICT_RULES,
  ...SHEET_STATE_RULES,
  ...SHEETS_API_RULES,
  ...SERVER_RULES,
];

/**
 * The one place where typed errors become status codes and {code, message} bodies. Unknown errors
 * are logged and answered with a generic 500 so no internal detail reaches the caller.
 */
export function errorResponse(error: unknown, log: Log = console.error): ApiResponse {
  const matching = ERROR_RULES.find((candidate) => error instanceof candidate.type);
  if (matching !== undefined) return matching.respond(error as Error, log);
  log(`unexpected error: ${describe(error)}`);
  return answer(500, { code: 'internal', message: 'Unexpected server error; it has been logged' });
}

function causeOf(error: Error): string {
  return error.cause instanceof Error ? ` (cause: ${error.cause.name}: ${error.cause.message})` : '';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return `${error.stack ?? `${error.name}: ${error.message}`}${causeOf(error)}`;
}
