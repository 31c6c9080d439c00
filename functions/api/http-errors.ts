import { InvalidKeyPartError } from '../../infra/table-design';
import { ConfigurationError } from '../commons/env';
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
import { SpreadsheetOfAnotherProjectError } from '../storage/sheet-binding-store';
import {
  ItemTooLargeError,
  StorageUnavailableError,
  RequestIdReusedError as StoredRequestIdReusedError,
  VersionConflictError,
} from '../storage/storage-errors';
import { SpreadsheetEditNotProvenError } from '../use-cases/bind-proven-spreadsheet';
import { CellVersionConflictError } from '../use-cases/cell-version-conflict-error';
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
import type { ErrorResponse } from './contract';
import type { ApiResponse } from './http-types';

/** Seconds a client waits before retrying a 503; the add-on retries once, then marks the cell. */
const RETRY_AFTER_SECONDS = '2';
/** The Sheets API's write quota is per minute: retrying a write-back sooner mostly meets another 429. */
const SHEETS_RETRY_AFTER_SECONDS = '30';

function answer(status: number, body: ErrorResponse, headers: Record<string, string> = {}): ApiResponse {
  return { status, body, headers };
}

/**
 * The one place where typed errors become status codes and {code, message} bodies. Unknown errors
 * are logged and answered with a generic 500 so no internal detail reaches the caller.
 */
export function errorResponse(error: unknown, log: (line: string) => void = console.error): ApiResponse {
  if (error instanceof MalformedBodyError) {
    return answer(400, { code: 'malformed-body', message: error.message });
  }
  if (error instanceof MalformedPathError) {
    return answer(400, { code: 'malformed-path', message: error.message });
  }
  if (error instanceof InvalidRequestError) {
    return answer(400, { code: 'invalid-request', message: error.message, details: error.problems });
  }
  if (error instanceof InvalidKeyPartError) {
    return answer(400, { code: 'invalid-request', message: error.message });
  }
  if (error instanceof InvalidWindowError) {
    return answer(400, { code: 'invalid-period', message: error.message });
  }
  if (error instanceof InvalidConfigError) {
    return answer(400, { code: 'invalid-config', message: error.message, details: error.problems });
  }
  if (error instanceof DomainError) {
    return answer(400, { code: 'invalid-input', message: error.message });
  }
  if (error instanceof UnauthenticatedError) {
    return answer(
      401,
      { code: 'unauthenticated', message: error.message },
      { 'www-authenticate': 'Bearer error="invalid_token"' },
    );
  }
  if (error instanceof ForbiddenError) {
    return answer(403, { code: 'forbidden', message: error.message });
  }
  if (error instanceof SpreadsheetEditNotProvenError || error instanceof SpreadsheetOfAnotherProjectError) {
    return answer(403, { code: 'forbidden', message: error.message });
  }
  if (error instanceof ReportLinkExpiredError) {
    return answer(403, { code: 'report-link-expired', message: error.message });
  }
  if (error instanceof ReportLinkInvalidError) {
    return answer(403, { code: 'report-link-invalid', message: error.message });
  }
  if (
    error instanceof RouteNotFoundError ||
    error instanceof ProjectNotFoundError ||
    error instanceof InstallationNotFoundError
  ) {
    return answer(404, { code: 'not-found', message: error.message });
  }
  if (error instanceof MethodNotAllowedError) {
    return answer(
      405,
      { code: 'method-not-allowed', message: error.message },
      { allow: error.allowed.join(', ') },
    );
  }
  if (error instanceof VersionConflictError) {
    return answer(409, {
      code: 'version-conflict',
      message: error.message,
      details: { expectedVersion: error.expected, currentVersion: error.actual },
    });
  }
  if (error instanceof ConfigRevisionConflictError) {
    return answer(409, {
      code: 'config-changed',
      message: error.message,
      details: { expectedRevision: error.expected, currentRevision: error.current },
    });
  }
  if (error instanceof CellVersionConflictError) {
    return answer(409, { code: 'version-conflict', message: error.message, details: error.conflicts });
  }
  if (error instanceof RequestIdReusedError) {
    return answer(409, { code: 'request-id-reused', message: error.message, details: error.cells });
  }
  if (error instanceof StoredRequestIdReusedError) {
    return answer(409, { code: 'request-id-reused', message: error.message });
  }
  if (error instanceof PayloadTooLargeError) {
    return answer(413, { code: 'payload-too-large', message: error.message });
  }
  if (error instanceof ItemTooLargeError) {
    return answer(413, { code: 'item-too-large', message: error.message });
  }
  if (error instanceof StorageUnavailableError) {
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
  }
  if (error instanceof SheetNotBoundError) {
    return answer(409, { code: 'sheet-not-bound', message: error.message });
  }
  if (error instanceof SheetOfAnotherProjectError) {
    return answer(409, { code: 'sheet-of-another-project', message: error.message });
  }
  if (error instanceof SheetProtectedByPersonError) {
    return answer(409, { code: 'sheet-protected-by-person', message: error.message });
  }
  if (error instanceof SheetNotSharedError) {
    // 409 like the other sheet states: the request is right, the spreadsheet's state must change first.
    return answer(409, {
      code: 'sheet-not-shared',
      message: error.message,
      details: { spreadsheetId: error.spreadsheetId, serviceAccountEmail: error.serviceAccountEmail },
    });
  }
  if (error instanceof SheetNotFoundError) {
    return answer(409, {
      code: 'sheet-not-found',
      message: error.message,
      details: { spreadsheetId: error.spreadsheetId },
    });
  }
  if (error instanceof SheetsUnavailableError) {
    log(`sheets unavailable: ${error.message}${causeOf(error)}`);
    return answer(
      503,
      { code: 'sheets-unavailable', message: error.message, retryable: true },
      { 'retry-after': SHEETS_RETRY_AFTER_SECONDS },
    );
  }
  const sheetsSetup = sheetsSetupCode(error);
  if (sheetsSetup !== undefined) {
    // The service's Google side needs its operator (API enabled, key, scope): 502, Google refused us.
    log(`sheets access refused: ${(error as Error).message}`);
    return answer(502, { code: sheetsSetup, message: (error as Error).message });
  }
  if (error instanceof SheetsRequestTooLargeError) {
    log(`sheets request too large: ${error.message}`);
    return answer(500, {
      code: 'sheets-request-too-large',
      message: error.message,
      details: { bytes: error.bytes, limitBytes: error.limitBytes },
    });
  }
  if (error instanceof SheetsRequestRejectedError) {
    log(`sheets request rejected: ${error.message}`);
    return answer(502, { code: 'sheets-request-rejected', message: error.message });
  }
  if (error instanceof IdentityProviderUnavailableError) {
    log(`identity provider unavailable: ${describe(error)}`);
    return answer(
      503,
      { code: 'identity-provider-unavailable', message: error.message, retryable: true },
      { 'retry-after': RETRY_AFTER_SECONDS },
    );
  }
  if (error instanceof ConfigurationError) {
    log(`configuration error: ${error.message}`);
    return answer(500, {
      code: 'misconfigured',
      message: `The server is misconfigured (${error.variables.join(', ')}); its operator has been told in the log`,
    });
  }
  log(`unexpected error: ${describe(error)}`);
  return answer(500, { code: 'internal', message: 'Unexpected server error; it has been logged' });
}

function sheetsSetupCode(error: unknown): string | undefined {
  if (error instanceof SheetsApiDisabledError) return 'sheets-api-disabled';
  if (error instanceof SheetsScopeMissingError) return 'sheets-scope-missing';
  if (error instanceof SheetsCredentialsRejectedError) return 'sheets-credentials-rejected';
  if (error instanceof SheetsAccessDeniedError) return 'sheets-access-denied';
  return undefined;
}

function causeOf(error: Error): string {
  return error.cause instanceof Error ? ` (cause: ${error.cause.name}: ${error.cause.message})` : '';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return `${error.stack ?? `${error.name}: ${error.message}`}${causeOf(error)}`;
}
