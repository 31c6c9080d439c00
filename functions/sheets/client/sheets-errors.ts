/**
 * What a failed Sheets API call means to a caller. normaliseSheetsError (sheets-failure.ts) is the only
 * place that reads Google's statuses; http-errors.ts maps these classes to responses.
 */
export class SheetsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Google answered 403: the service account has no (edit) access to the spreadsheet. */
export class SheetNotSharedError extends SheetsError {
  constructor(
    readonly spreadsheetId: string,
    readonly serviceAccountEmail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Share the spreadsheet ${spreadsheetId} with ${serviceAccountEmail} as editor, then try again: the service account cannot open it`,
      options,
    );
  }
}

/** Google answered 404: the spreadsheet was deleted or the bound id is wrong. */
export class SheetNotFoundError extends SheetsError {
  constructor(
    readonly spreadsheetId: string,
    readonly projectId: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The spreadsheet ${spreadsheetId} does not exist (deleted, or a wrong id): bind another with PUT /v1/projects/${projectId}/sheet`,
      options,
    );
  }
}

/** 429 or 5xx (or no answer) from Google after every retry the time budget allowed. */
export class SheetsUnavailableError extends SheetsError {
  readonly retryable = true as const;

  constructor(
    readonly reason: string,
    options?: { cause?: unknown; outcomeUnknown?: boolean },
  ) {
    super(
      options?.outcomeUnknown
        ? `The Google Sheets API is busy or unavailable (${reason}) and whether the last write reached the spreadsheet could not be checked; try again in a minute: a write-back rewrites the sheet from what it finds, so repeating it is safe`
        : `The Google Sheets API is busy or unavailable (${reason}); nothing was written to the spreadsheet, try again in a minute`,
      options,
    );
  }
}

/** Google refused a request as invalid (400): a defect of ours, reported with Google's own words. */
export class SheetsRequestRejectedError extends SheetsError {
  constructor(
    readonly googleMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`The Google Sheets API refused the write-back: ${googleMessage}; nothing was written`, options);
  }
}

/**
 * Google answered 403 SERVICE_DISABLED: the Sheets API is not enabled in the Google Cloud project of
 * the service account (or of the key's project), so no spreadsheet can be reached until it is.
 */
export class SheetsApiDisabledError extends SheetsError {
  constructor(
    readonly activationUrl: string,
    readonly consumer: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      `The Google Sheets API is not enabled in the Google Cloud project${consumer === undefined ? '' : ` ${consumer}`} of the service account: enable it at ${activationUrl}, wait a few minutes, then try again; nothing was written`,
      options,
    );
  }
}

/** Google answered 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT: the credentials were issued without the spreadsheets scope. */
export class SheetsScopeMissingError extends SheetsError {
  constructor(
    readonly scope: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The service account's credentials lack the scope ${scope}: give the functions credentials issued with that scope (a service account key in SHEETS_SERVICE_ACCOUNT_KEY, or application default credentials allowed that scope), then try again; nothing was written`,
      options,
    );
  }
}

/** Google answered 401 (or its token endpoint refused the key): the key is wrong, expired, revoked or deleted. */
export class SheetsCredentialsRejectedError extends SheetsError {
  constructor(
    readonly serviceAccountEmail: string,
    readonly googleMessage: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Google refused the credentials of the service account ${serviceAccountEmail} (${googleMessage}): the key is wrong, expired or revoked; create a new key for it and set SHEETS_SERVICE_ACCOUNT_KEY (or fix the function's own service account), then try again; nothing was written`,
      options,
    );
  }
}

/** Google answered 403 for a reason this code does not know: Google's own words and reason, passed on. */
export class SheetsAccessDeniedError extends SheetsError {
  constructor(
    readonly reason: string,
    readonly googleMessage: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The Google Sheets API refused access (${reason}): ${googleMessage}; see https://cloud.google.com/apis/design/errors for what this reason means; nothing was written`,
      options,
    );
  }
}

/**
 * The write-back's batchUpdate would exceed what Google advises per request: refused before sending.
 * Not split: a write-back is one atomic batch (new tabs and rows are referred to by later requests),
 * and half a layout written is worse than none.
 */
export class SheetsRequestTooLargeError extends SheetsError {
  constructor(
    readonly bytes: number,
    readonly limitBytes: number,
    options?: { cause?: unknown },
  ) {
    super(
      `This write-back needs a ${(bytes / 1_000_000).toFixed(2)} MB request to the Google Sheets API, above the ${(limitBytes / 1_000_000).toFixed(2)} MB Google advises per request; nothing was written to the spreadsheet. A project this large cannot be written in one atomic request yet: report this message to the va-assess maintainers (it is logged); the data stored in va-assess is unaffected`,
      options,
    );
  }
}
