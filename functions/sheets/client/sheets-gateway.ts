import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { SNAPSHOT_FIELDS } from '../layout/sheet-snapshot';
import { assertBatchUpdateFits } from './request-size';
import { type SheetsCredentialSettings, sheetsCredentials } from './sheets-credentials';
import {
  type RetryClock,
  type RetryOptions,
  realClock,
  type SheetsRetrySettings,
  withSheetsRetry,
} from './sheets-retry';
import {
  clearWriteMarkers,
  createWriteMarker,
  markerFound,
  newWriteMarker,
  type WriteMarker,
} from './write-marker';

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
      // By default no attempt outlives the whole budget: a hung request ends as an unknown outcome.
      timeout: settings.retry.attemptTimeoutMs ?? settings.retry.budgetMs,
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

  /**
   * One atomic batchUpdate; an empty list sends nothing (Google refuses an empty batch). It carries a
   * write marker (write-marker.ts) and removes the markers of earlier write-backs (`staleMarkers`,
   * seen in this write-back's read), so a retry after an unknown outcome never applies it twice.
   * Measured before sending: above Google's 2 MB per request it is refused (request-size.ts).
   */
  async batchUpdate(
    target: SheetTarget,
    requests: sheets_v4.Schema$Request[],
    staleMarkers: readonly number[] = [],
  ): Promise<number> {
    if (requests.length === 0) return 0;
    const marker = newWriteMarker();
    const requestBody = {
      requests: [...clearWriteMarkers(staleMarkers), ...requests, createWriteMarker(marker)],
      includeSpreadsheetInResponse: false,
    };
    assertBatchUpdateFits(requestBody);
    await this.call(
      target,
      async () => {
        await this.client.spreadsheets.batchUpdate({
          spreadsheetId: target.spreadsheetId,
          fields: 'spreadsheetId',
          requestBody,
        });
        return true as const;
      },
      { settled: async () => ((await this.markerWritten(target, marker)) ? (true as const) : undefined) },
    );
    return requests.length;
  }

  /**
   * The values of whole tabs (ranges such as "'Budgets'"), as entered: numbers as numbers, text as
   * text (UNFORMATTED_VALUE), in the order asked; an empty tab is [].
   */
  async readValues(target: SheetTarget, ranges: readonly string[]): Promise<unknown[][][]> {
    if (ranges.length === 0) return [];
    return this.call(target, async () => {
      const answer = await this.client.spreadsheets.values.batchGet({
        spreadsheetId: target.spreadsheetId,
        ranges: [...ranges],
        valueRenderOption: 'UNFORMATTED_VALUE',
        majorDimension: 'ROWS',
      });
      return ranges.map((_, index) => (answer.data.valueRanges?.[index]?.values ?? []) as unknown[][]);
    });
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

  /** Whether a batch carrying this marker was applied: one search, no retry of its own. */
  private async markerWritten(target: SheetTarget, marker: WriteMarker): Promise<boolean> {
    const answer = await this.client.spreadsheets.developerMetadata.search({
      spreadsheetId: target.spreadsheetId,
      requestBody: { dataFilters: [{ developerMetadataLookup: { metadataId: marker.metadataId } }] },
    });
    return markerFound(answer.data, marker);
  }

  private call<T>(target: SheetTarget, run: () => Promise<T>, options: RetryOptions<T> = {}): Promise<T> {
    return withSheetsRetry(
      run,
      this.settings.retry,
      async () => ({ ...target, serviceAccountEmail: await this.serviceAccountEmail() }),
      this.settings.clock ?? realClock,
      options,
    );
  }
}
