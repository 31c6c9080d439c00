import { SheetsUnavailableError } from '../../../functions/sheets/client/sheets-errors';
import { SheetsGateway } from '../../../functions/sheets/client/sheets-gateway';
import type { SheetsRetrySettings } from '../../../functions/sheets/client/sheets-retry';
import {
  LOCAL_SERVICE_ACCOUNT_EMAIL,
  type LocalSheetsApi,
  startLocalSheetsApi,
} from '../../../local/sheets-api';

describe('how long one Sheets call is waited for', () => {
  let sheetsApi: LocalSheetsApi;
  beforeAll(async () => {
    sheetsApi = await startLocalSheetsApi();
  });
  afterAll(async () => {
    await sheetsApi.close();
  });

  /** Google answers 503 after two seconds, against a 300 ms retry budget. */
  async function slowAnswer(retry: SheetsRetrySettings): Promise<unknown> {
    const spreadsheetId = sheetsApi.createSpreadsheet({
      title: 'slow',
      owner: 'coordinator@example.org',
      sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL],
    });
    sheetsApi.injectFault({ method: 'spreadsheets.values.batchGet', status: 503, delayMs: 2_000, times: 1 });
    const gateway = new SheetsGateway({ rootUrl: sheetsApi.rootUrl, retry });
    return gateway.readValues({ projectId: 'imagine', spreadsheetId }, ["'Sheet1'"]).catch((error) => error);
  }

  it('by default, no longer than the retry budget: the slow answer is abandoned unread', async () => {
    const error = await slowAnswer({ budgetMs: 300, firstDelayMs: 5, maxDelayMs: 20 });
    expect(error).toBeInstanceOf(SheetsUnavailableError);
    expect((error as Error).message).not.toContain('HTTP 503');
  });

  it('with attemptTimeoutMs, until the answer comes, even past the budget (then no retry)', async () => {
    const error = await slowAnswer({
      budgetMs: 300,
      firstDelayMs: 5,
      maxDelayMs: 20,
      attemptTimeoutMs: 30_000,
    });
    expect(error).toBeInstanceOf(SheetsUnavailableError);
    expect((error as Error).message).toContain('HTTP 503, 1 attempt(s)');
  });
});
