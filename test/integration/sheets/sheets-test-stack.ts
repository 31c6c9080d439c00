import type { sheets_v4 } from '@googleapis/sheets';
import type { ContainerOverrides } from '../../../functions/api/container';
import { apiPaths } from '../../../functions/contract/contract';
import { SheetsGateway } from '../../../functions/sheets/client/sheets-gateway';
import { enteredText, readSnapshot, type TabSnapshot } from '../../../functions/sheets/layout/sheet-snapshot';
import type { TabRole } from '../../../functions/sheets/layout/tab-registry';
import {
  LOCAL_SERVICE_ACCOUNT_EMAIL,
  type LocalSheetsApi,
  localSheetsClient,
  startLocalSheetsApi,
} from '../../../local/sheets-api';
import { type ApiServer, COORDINATOR, useApiServer } from '../api/api-test-server';

export interface SheetsStack {
  api: ApiServer;
  readonly sheetsApi: LocalSheetsApi;
  /** A new spreadsheet owned by the coordinator, shared with the service account, bound to the example. */
  bindNewSpreadsheet(options?: { shared?: boolean }): Promise<string>;
  /** The real client as the coordinator: what a person with the sheet open could do. */
  asCoordinator(): sheets_v4.Sheets;
  /** Everything: grid data, metadata, protections (what "byte-for-byte" compares). */
  readAll(spreadsheetId: string): Promise<sheets_v4.Schema$Spreadsheet>;
  /** The tab a registered tab module's role names (a test's own module included). */
  tab(spreadsheetId: string, role: TabRole | (string & {})): Promise<TabSnapshot>;
  batchUpdates(): number;
}

/**
 * Retries that give up within 2 s of injected faults, while a call slowed by a busy 2-core machine
 * (a large batchUpdate took over a second in CI) is waited for, not taken as Google failing.
 */
export const TEST_RETRY = { budgetMs: 2_000, firstDelayMs: 5, maxDelayMs: 40, attemptTimeoutMs: 60_000 };

/** The router on DynamoDB Local, its Sheets gateway on a local Sheets API, the real client both ways. */
export function useSheetsStack(
  retry = TEST_RETRY,
  extra: { env?: Readonly<Record<string, string>>; overrides?: () => ContainerOverrides } = {},
): SheetsStack {
  let sheetsApi: LocalSheetsApi | undefined;
  const need = () => {
    if (sheetsApi === undefined) throw new Error('the local Sheets API runs inside tests only');
    return sheetsApi;
  };
  beforeAll(async () => {
    sheetsApi = await startLocalSheetsApi();
  });
  afterAll(async () => {
    await sheetsApi?.close();
  });
  const api = useApiServer({
    ...(extra.env === undefined ? {} : { env: extra.env }),
    overrides: () => ({
      sheets: () => new SheetsGateway({ rootUrl: need().rootUrl, retry }),
      ...(process.env.SHEETS_TEST_LOG === '1' ? { log: (line: string) => console.error(line) } : {}),
      ...extra.overrides?.(),
    }),
  });
  beforeEach(() => need().resetCounts());

  const asCoordinator = () => localSheetsClient(need().rootUrl, COORDINATOR);
  const readAll = async (spreadsheetId: string) =>
    (await asCoordinator().spreadsheets.get({ spreadsheetId, includeGridData: true })).data;

  return {
    api,
    get sheetsApi() {
      return need();
    },
    asCoordinator,
    readAll,
    bindNewSpreadsheet: async ({ shared = true } = {}) => {
      const id = need().createSpreadsheet({
        title: 'iMagine VA metrics',
        owner: COORDINATOR,
        sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL],
      });
      const put = await proveAndBind(api, localSheetsClient(need().rootUrl, COORDINATOR), id, COORDINATOR);
      if (put.status !== 200) throw new Error(`bind: ${JSON.stringify(put.body)}`);
      // The service account reads the proof, so "bound but not shared" is a share withdrawn afterwards.
      if (!shared) need().unshare(id, LOCAL_SERVICE_ACCOUNT_EMAIL);
      need().resetCounts();
      return id;
    },
    tab: async (spreadsheetId, role) => {
      const snapshot = readSnapshot(await readAll(spreadsheetId));
      const found = snapshot.tabs[role];
      if (found === undefined) throw new Error(`no ${role} tab`);
      return found;
    },
    batchUpdates: () => need().requestCounts()['spreadsheets.batchUpdate'] ?? 0,
  };
}

export { enteredText };

/**
 * What the add-on does to bind a spreadsheet, as `as` with the real client: asks for a challenge,
 * writes it as the spreadsheet's developer metadata (as an editor can), then PUTs the binding.
 */
export async function proveAndBind(
  api: Pick<ApiServer, 'call'>,
  client: sheets_v4.Sheets,
  spreadsheetId: string,
  as: string,
  projectId = 'imagine',
) {
  const challenge = await api.call('POST', apiPaths.sheetChallenge(projectId), {
    as,
    body: { spreadsheetId },
  });
  if (challenge.status !== 200) return challenge;
  await writeChallenge(client, spreadsheetId, challenge.body);
  return api.call('PUT', apiPaths.sheet(projectId), { as, body: { spreadsheetId } });
}

/** What the add-on does with a challenge: writes it on the spreadsheet, as the person it runs as. */
export function writeChallenge(
  client: sheets_v4.Sheets,
  spreadsheetId: string,
  challenge: { metadataKey: string; nonce: string },
) {
  return client.spreadsheets.batchUpdate({
    spreadsheetId,
    requestBody: {
      requests: [
        {
          createDeveloperMetadata: {
            developerMetadata: {
              metadataKey: challenge.metadataKey,
              metadataValue: challenge.nonce,
              location: { spreadsheet: true },
              visibility: 'DOCUMENT',
            },
          },
        },
      ],
    },
  });
}
