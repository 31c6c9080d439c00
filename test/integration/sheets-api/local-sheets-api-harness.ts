import { auth as googleAuth, sheets, type sheets_v4 } from '@googleapis/sheets';
import {
  type LocalSheetsApi,
  localAccessToken,
  startLocalSheetsApi,
} from '../../../functions/local/sheets-api';

export const OWNER = 'coordinator@imagine.example.org';
export const SERVICE = 'va-assess@local.iam.example';

/**
 * The real `@googleapis/sheets` client, authenticated as `email` with a local bearer token.
 * The OAuth2 client comes from the package itself: a top-level google-auth-library of another
 * version does not type-check against it.
 */
export function sheetsClientAs(server: LocalSheetsApi, email: string): sheets_v4.Sheets {
  const client = new googleAuth.OAuth2();
  client.setCredentials({ access_token: localAccessToken(email) });
  // No automatic retries: the tests see every answer the server gives.
  // Node's own fetch: under jest, gaxios's dynamic import of node-fetch fails without --experimental-vm-modules.
  return sheets({
    version: 'v4',
    rootUrl: server.rootUrl,
    auth: client,
    retry: false,
    fetchImplementation: fetch,
  });
}

/** One server per test file, started before and closed after its tests. */
export function useLocalSheetsApi(): { server: () => LocalSheetsApi } {
  let server: LocalSheetsApi | undefined;
  beforeAll(async () => {
    server = await startLocalSheetsApi();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    server: () => {
      if (server === undefined) throw new Error('the local Sheets API is not started');
      return server;
    },
  };
}

/** Google's JSON error shape. */
export interface GoogleErrorBody {
  error: { code: number; message: string; status: string };
}

/** The error body the client raises (gaxios keeps the response). */
export async function apiFailure(
  promise: Promise<unknown>,
): Promise<{ status: number; body: GoogleErrorBody; headers: Headers }> {
  try {
    await promise;
  } catch (error) {
    const response = (error as { response?: { status: number; data: GoogleErrorBody; headers: Headers } })
      .response;
    if (response === undefined) throw error;
    return { status: response.status, body: response.data, headers: response.headers };
  }
  throw new Error('the call succeeded; a failure was expected');
}
