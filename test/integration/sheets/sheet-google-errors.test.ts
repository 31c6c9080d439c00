import { apiPaths } from '../../../functions/contract/contract';
import { LOCAL_SERVICE_ACCOUNT_EMAIL } from '../../../local/sheets-api';
import { COORDINATOR } from '../api/api-test-server';
import { useSheetsStack } from './sheets-test-stack';

/**
 * Google's refusals as the real @googleapis/sheets client receives them from the local Sheets API,
 * with Google's error body ({ error: { code, message, status, details: [ErrorInfo] } }).
 */
describe("a write-back refused by Google says what to do, read from Google's status and reason", () => {
  const stack = useSheetsStack();
  const writeSummary = () =>
    stack.api.call('POST', apiPaths.sheetSummary('imagine', 'PY1'), { as: COORDINATOR });

  async function bound(): Promise<string> {
    await stack.api.seedExample();
    return stack.bindNewSpreadsheet();
  }

  it('403 SERVICE_DISABLED: enable the Sheets API in the project Google names, with its link', async () => {
    const id = await bound();
    const before = JSON.stringify(await stack.readAll(id));
    stack.sheetsApi.injectFault({
      method: 'spreadsheets.get',
      status: 403,
      times: 1,
      reason: 'SERVICE_DISABLED',
      reasonMetadata: { consumer: 'projects/123' },
    });
    const answer = await writeSummary();
    expect(answer.status).toBe(502);
    expect(answer.body.code).toBe('sheets-api-disabled');
    expect(answer.body.message).toContain(
      'The Google Sheets API is not enabled in the Google Cloud project projects/123',
    );
    expect(answer.body.message).toContain(
      'enable it at https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=123',
    );
    expect(answer.body.message).not.toContain('Share the spreadsheet');
    expect(JSON.stringify(await stack.readAll(id))).toBe(before);
  });

  it('403 ACCESS_TOKEN_SCOPE_INSUFFICIENT: credentials with the spreadsheets scope', async () => {
    await bound();
    stack.sheetsApi.injectFault({
      method: 'spreadsheets.get',
      status: 403,
      times: 1,
      reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
    });
    const answer = await writeSummary();
    expect(answer.status).toBe(502);
    expect(answer.body.code).toBe('sheets-scope-missing');
    expect(answer.body.message).toContain('lack the scope https://www.googleapis.com/auth/spreadsheets');
    expect(answer.body.message).not.toContain('Share the spreadsheet');
  });

  it('401: the key is wrong, expired or revoked, naming the service account', async () => {
    await bound();
    stack.sheetsApi.injectFault({ method: 'spreadsheets.get', status: 401, times: 1 });
    const answer = await writeSummary();
    expect(answer.status).toBe(502);
    expect(answer.body.code).toBe('sheets-credentials-rejected');
    expect(answer.body.message).toContain(
      `Google refused the credentials of the service account ${LOCAL_SERVICE_ACCOUNT_EMAIL}`,
    );
    expect(answer.body.message).toContain('create a new key');
  });

  it('403 PERMISSION_DENIED without a reason: share the spreadsheet as editor', async () => {
    const id = await bound();
    stack.sheetsApi.injectFault({ method: 'spreadsheets.get', status: 403, times: 1 });
    const answer = await writeSummary();
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('sheet-not-shared');
    expect(answer.body.message).toContain(`Share the spreadsheet ${id} with ${LOCAL_SERVICE_ACCOUNT_EMAIL}`);
  });

  it("403 with a reason this code does not know: passes on Google's reason and words", async () => {
    await bound();
    stack.sheetsApi.injectFault({
      method: 'spreadsheets.get',
      status: 403,
      times: 1,
      reason: 'IAM_PERMISSION_DENIED',
    });
    const answer = await writeSummary();
    expect(answer.status).toBe(502);
    expect(answer.body.code).toBe('sheets-access-denied');
    expect(answer.body.message).toContain('IAM_PERMISSION_DENIED');
    expect(answer.body.message).toContain('The caller does not have permission');
  });
});
