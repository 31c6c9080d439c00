import type { sheets_v4 } from '@googleapis/sheets';
import { type LocalSheetsApi, localSheetsClient, startLocalSheetsApi } from '../../../local/sheets-api';

export const OWNER = 'coordinator@imagine.example.org';
export const SERVICE = 'va-assess@local.iam.example';

/** The real `@googleapis/sheets` client on this server, authenticated as `email`. */
export function sheetsClientAs(server: LocalSheetsApi, email: string): sheets_v4.Sheets {
  return localSheetsClient(server.rootUrl, email);
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
