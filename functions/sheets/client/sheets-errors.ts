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
    options?: { cause?: unknown },
  ) {
    super(
      `The Google Sheets API is busy or unavailable (${reason}); nothing was written to the spreadsheet, try again in a minute`,
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
