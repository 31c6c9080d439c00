import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { SNAPSHOT_FIELDS } from '../layout/sheet-snapshot';
import { type SheetsCredentialSettings, sheetsCredentials } from './sheets-credentials';
import { type RetryClock, realClock, type SheetsRetrySettings, withSheetsRetry } from './sheets-retry';

export interface SheetsGatewaySettings extends SheetsCredentialSettings {
  retry: SheetsRetrySettings;
  clock?: RetryClock;
}

/** Which project a call is for: named in the errors ("bind another with PUT .../sheet"). */
export interface SheetTarget {
  projectId: string;
  spreadsheetId: string;
}

/**
 * The only way the functions reach the Sheets API: the real @googleapis/sheets client (pointed at a
 * local server by rootUrl when set), our retry loop instead of the client's own, and Google's
 * statuses turned into typed errors.
 */
export class SheetsGateway {
  private readonly client: sheets_v4.Sheets;
  readonly serviceAccountEmail: () => Promise<string>;

  constructor(private readonly settings: SheetsGatewaySettings) {
    const credentials = sheetsCredentials(settings);
    this.serviceAccountEmail = credentials.serviceAccountEmail;
    this.client = sheets({
      version: 'v4',
      auth: credentials.auth,
      // One retry policy, ours: the client's would retry again inside each of our attempts.
      retry: false,
      // Node's own fetch, not a dynamically imported one (which fails inside bundles and jest's VM).
      fetchImplementation: fetch,
      ...(settings.rootUrl === undefined ? {} : { rootUrl: settings.rootUrl.replace(/\/?$/, '/') }),
    });
  }

  /** The one read of a write-back: anchors, protected ranges and entered values of every tab. */
  async readLayout(target: SheetTarget): Promise<sheets_v4.Schema$Spreadsheet> {
    return this.call(target, async () => {
      const answer = await this.client.spreadsheets.get({
        spreadsheetId: target.spreadsheetId,
        includeGridData: true,
        fields: SNAPSHOT_FIELDS,
      });
      return answer.data;
    });
  }

  /** One atomic batchUpdate; an empty list sends nothing (Google refuses an empty batch). */
  async batchUpdate(target: SheetTarget, requests: sheets_v4.Schema$Request[]): Promise<number> {
    if (requests.length === 0) return 0;
    await this.call(target, () =>
      this.client.spreadsheets.batchUpdate({
        spreadsheetId: target.spreadsheetId,
        fields: 'spreadsheetId',
        requestBody: { requests, includeSpreadsheetInResponse: false },
      }),
    );
    return requests.length;
  }

  /**
   * The values of the spreadsheet-level developer metadata under `key` (any visibility the service
   * account can read), with their ids; e.g. the binding challenge an editor wrote (sheet-binding-proof.ts).
   */
  async readDocumentMetadata(target: SheetTarget, key: string): Promise<{ id: number; value: string }[]> {
    return this.call(target, async () => {
      const answer = await this.client.spreadsheets.developerMetadata.search({
        spreadsheetId: target.spreadsheetId,
        requestBody: {
          dataFilters: [{ developerMetadataLookup: { metadataKey: key, locationType: 'SPREADSHEET' } }],
        },
      });
      return (answer.data.matchedDeveloperMetadata ?? []).flatMap(({ developerMetadata }) =>
        typeof developerMetadata?.metadataId === 'number'
          ? [{ id: developerMetadata.metadataId, value: developerMetadata.metadataValue ?? '' }]
          : [],
      );
    });
  }

  private call<T>(target: SheetTarget, run: () => Promise<T>): Promise<T> {
    return withSheetsRetry(
      run,
      this.settings.retry,
      async () => ({ ...target, serviceAccountEmail: await this.serviceAccountEmail() }),
      this.settings.clock ?? realClock,
    );
  }
}
