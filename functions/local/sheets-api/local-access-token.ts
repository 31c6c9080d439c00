/**
 * The local Sheets API has no Google accounts: a caller names itself with the bearer token
 * "local:<email>", and the server checks that the spreadsheet is shared with that e-mail, the way
 * Google checks the service account's access. Never accepted by Google, so never a credential.
 */
export const LOCAL_TOKEN_PREFIX = 'local:';

export const localAccessToken = (email: string): string => `${LOCAL_TOKEN_PREFIX}${email.toLowerCase()}`;

/** The e-mail behind an Authorization header, or undefined when it is not a local token. */
export function emailOfLocalToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  const token = match?.[1]?.trim();
  if (token === undefined || !token.startsWith(LOCAL_TOKEN_PREFIX)) return undefined;
  const email = token.slice(LOCAL_TOKEN_PREFIX.length).trim().toLowerCase();
  return email.includes('@') ? email : undefined;
}

/**
 * The Cloud project a caller belongs to, for PROJECT-visible developer metadata: the domain of its
 * e-mail. A service account "sa@my-project.iam.gserviceaccount.com" is thus in its own project, and
 * two accounts of one domain share one. Kept simple on purpose: the product only uses DOCUMENT.
 */
export const projectOfCaller = (email: string): string => email.slice(email.lastIndexOf('@') + 1);

/** The service account e-mail the functions use against the local Sheets API, unless configured. */
export const LOCAL_SERVICE_ACCOUNT_EMAIL = 'va-assess@local.iam.example';
