/**
 * The protocol between the Sheets client and the local Sheets API (local/sheets-api),
 * kept here so that deployed code names it without importing the stand-in itself.
 *
 * The local Sheets API has no Google accounts: a caller names itself with the bearer token
 * "local:<email>", and the server checks that the spreadsheet is shared with that e-mail, the way
 * Google checks the service account's access. Never accepted by Google, so never a credential.
 */
export const LOCAL_TOKEN_PREFIX = 'local:';

export const localAccessToken = (email: string): string => `${LOCAL_TOKEN_PREFIX}${email.toLowerCase()}`;

/** The service account e-mail the functions use against the local Sheets API, unless configured. */
export const LOCAL_SERVICE_ACCOUNT_EMAIL = 'va-assess@local.iam.example';
