/** A signed report link whose time is up: the person generates a new one from the sheet. */
export class ReportLinkExpiredError extends Error {
  override name = 'ReportLinkExpiredError';
  constructor(readonly expiredAt: string) {
    super(`This report link expired at ${expiredAt}; generate a new one from the sheet menu`);
  }
}

/** A signed report link that was altered, truncated or signed with another secret. */
export class ReportLinkInvalidError extends Error {
  override name = 'ReportLinkInvalidError';
  constructor(detail: string) {
    super(`This report link is not valid (${detail}); generate a new one from the sheet menu`);
  }
}
