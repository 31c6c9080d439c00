import { auth as googleAuth } from '@googleapis/sheets';
import { ConfigurationError } from '../../commons/env';
import { LOCAL_SERVICE_ACCOUNT_EMAIL, localAccessToken } from '../../commons/local-sheets-token';

/** Read and write spreadsheets the service account was given, nothing broader (no Drive). */
export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export interface ServiceAccountKey {
  client_email: string;
  private_key: string;
  [field: string]: unknown;
}

export interface SheetsCredentialSettings {
  /** A local Sheets API: authenticate with its "local:<email>" token instead of Google's. */
  rootUrl?: string;
  serviceAccountKey?: ServiceAccountKey;
  serviceAccountEmail?: string;
}

// The google-auth-library the Sheets client was built against (googleapis-common pins its own
// version): classes of another copy would not type-check as the client's `auth`.
type GoogleAuth = InstanceType<typeof googleAuth.GoogleAuth>;
type OAuth2Client = InstanceType<typeof googleAuth.OAuth2>;

export interface SheetsCredentials {
  auth: OAuth2Client | GoogleAuth;
  /** The e-mail the spreadsheet must be shared with (as editor). */
  serviceAccountEmail(): Promise<string>;
}

/**
 * Local server: its token for the configured (or local default) e-mail. A key from the environment
 * (AWS: read from Secrets Manager at cold start by functions/commons/secrets.ts, via
 * SHEETS_SERVICE_ACCOUNT_KEY_ARN): that service account. Otherwise Application Default
 * Credentials (Google Cloud: the function's own service account).
 */
export function sheetsCredentials(settings: SheetsCredentialSettings): SheetsCredentials {
  if (settings.rootUrl !== undefined) {
    const email = settings.serviceAccountEmail ?? LOCAL_SERVICE_ACCOUNT_EMAIL;
    const auth = new googleAuth.OAuth2();
    auth.setCredentials({ access_token: localAccessToken(email) });
    return { auth, serviceAccountEmail: async () => email };
  }
  if (settings.serviceAccountKey !== undefined) {
    const key = settings.serviceAccountKey;
    return {
      auth: new googleAuth.GoogleAuth({ credentials: key, scopes: [SHEETS_SCOPE] }),
      serviceAccountEmail: async () => key.client_email,
    };
  }
  const auth = new googleAuth.GoogleAuth({ scopes: [SHEETS_SCOPE] });
  let email: Promise<string> | undefined;
  return {
    auth,
    serviceAccountEmail: () => {
      email ??= resolveAdcEmail(auth, settings.serviceAccountEmail);
      return email;
    },
  };
}

async function resolveAdcEmail(auth: GoogleAuth, configured: string | undefined): Promise<string> {
  if (configured !== undefined) return configured;
  try {
    const credentials = await auth.getCredentials();
    if (credentials.client_email) return credentials.client_email;
  } catch {
    // No default credentials here: said below in terms of the variables to set.
  }
  throw new ConfigurationError(
    'The service account of the Sheets API is unknown: set SHEETS_SERVICE_ACCOUNT_KEY, or SHEETS_SERVICE_ACCOUNT_EMAIL with application default credentials',
    ['SHEETS_SERVICE_ACCOUNT_KEY', 'SHEETS_SERVICE_ACCOUNT_EMAIL'],
  );
}
