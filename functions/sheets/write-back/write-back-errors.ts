/** Errors of the write-back use cases; http-errors.ts maps them to statuses. */
export class WriteBackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The project has no spreadsheet yet. */
export class SheetNotBoundError extends WriteBackError {
  constructor(readonly projectId: string) {
    super(
      `Project "${projectId}" has no spreadsheet bound: a coordinator PUTs {"spreadsheetId": "..."} to /v1/projects/${projectId}/sheet first`,
    );
  }
}

/**
 * A person protected a whole tab the setup must write to without listing the service account among
 * its editors: Google refuses every change to that tab, and only a person can change the protection.
 */
export class SheetProtectedByPersonError extends WriteBackError {}

/** The spreadsheet was set up for another project: writing into it would mix two projects. */
export class SheetOfAnotherProjectError extends WriteBackError {
  constructor(
    readonly spreadsheetId: string,
    readonly projectId: string,
    readonly otherProjectId: string,
  ) {
    super(
      `The spreadsheet ${spreadsheetId} holds project "${otherProjectId}", not "${projectId}": bind a spreadsheet of its own with PUT /v1/projects/${projectId}/sheet`,
    );
  }
}
