import { auth as googleAuth, sheets, type sheets_v4 } from '@googleapis/sheets';
import { localAccessToken } from './local-access-token';

/**
 * The real `@googleapis/sheets` client pointed at a local Sheets API and acting as `email`, for tests,
 * benchmarks and people reading the local sheet from a script. The OAuth2 client comes from the
 * package itself: a top-level google-auth-library of another version does not type-check against it.
 */
export function localSheetsClient(rootUrl: string, email: string): sheets_v4.Sheets {
  const client = new googleAuth.OAuth2();
  client.setCredentials({ access_token: localAccessToken(email) });
  return sheets({
    version: 'v4',
    rootUrl,
    auth: client,
    // No automatic retries: callers see every answer the server gives.
    retry: false,
    // Node's own fetch: under jest, gaxios's dynamic import of node-fetch fails without --experimental-vm-modules.
    fetchImplementation: fetch,
  });
}
