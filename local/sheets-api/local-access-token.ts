import { LOCAL_TOKEN_PREFIX } from '../../functions/commons/local-sheets-token';

// The token format is shared with the deployed Sheets client (functions/commons/local-sheets-token.ts).
export {
  LOCAL_SERVICE_ACCOUNT_EMAIL,
  LOCAL_TOKEN_PREFIX,
  localAccessToken,
} from '../../functions/commons/local-sheets-token';

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
