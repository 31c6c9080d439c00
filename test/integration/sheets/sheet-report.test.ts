import type { DateTime } from 'luxon';
import { handleApiRequest } from '../../../functions/api/handle-request';
import { apiPaths, type ErrorResponse } from '../../../functions/contract/contract';
import { SheetsGateway } from '../../../functions/sheets/client/sheets-gateway';
import { ANCHOR_KEYS } from '../../../functions/sheets/layout/anchors';
import { COORDINATOR, EXAMPLE, IFCA, NOW, testContainer } from '../api/api-test-server';
import { useSheetsStack } from './sheets-test-stack';

const SECRET = 'test-report-link-secret-0123456789abcdef';
const LINK_TTL_SECONDS = 600;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('POST /v1/projects/{id}/sheet/report', () => {
  // The container's clock: moved past a link's expiry by a test, back to NOW before each.
  let clock: DateTime = NOW;
  const stack = useSheetsStack(undefined, {
    env: { REPORT_LINK_SECRET: SECRET, REPORT_LINK_TTL_SECONDS: String(LINK_TTL_SECONDS) },
    overrides: () => ({ now: () => clock }),
  });

  beforeEach(async () => {
    clock = NOW;
    await stack.api.seedExample();
  }, 60_000);

  const generate = (as = COORDINATOR, format = 'docx') =>
    stack.api.call('POST', apiPaths.sheetReport('imagine', 'PY1', format), { as });

  async function reportTabText(id: string): Promise<string> {
    return (await stack.tab(id, 'report')).cells.map((row) => row.join(' | ')).join('\n');
  }

  it('writes the Report tab in one batchUpdate and answers its link, expiry and missing assessments', async () => {
    const id = await stack.bindNewSpreadsheet();
    const answer = await generate();
    expect(answer.status).toBe(200);
    expect(stack.batchUpdates()).toBe(1);
    expect(answer.body).toMatchObject({ spreadsheetId: id, windowId: 'PY1', format: 'docx' });
    expect(answer.body.expiresAt).toBe(
      NOW.toUTC().plus({ seconds: LINK_TTL_SECONDS }).toISO({ suppressMilliseconds: true }),
    );
    expect(answer.body.missingAssessments).toHaveLength(11);
  });

  it("fills the Report tab with one block for the window: the figures, each installation's missing assessment, no link", async () => {
    const id = await stack.bindNewSpreadsheet();
    await generate();
    const tab = await stack.tab(id, 'report');
    const blocks = tab.rowAnchors.filter((anchor) => anchor.key === ANCHOR_KEYS.windowBlock);
    expect(blocks.map((anchor) => anchor.value)).toEqual(['PY1']);
    const text = await reportTabText(id);
    expect(text).toContain('Report of PY1 (M01–M12)');
    expect(text).toContain('662,547 CPU-hours');
    expect(text).toMatch(/^CPU-hours: 662,547 CPU-hours used in PY1 .*, 89% still available;/m);
    expect(text).toContain(
      '89% of the budgeted CPU and GPU-hours, and 98% of the budgeted storage are still available',
    );
    for (const installation of EXAMPLE.config.installations) {
      expect(text).toMatch(new RegExp(`^2\\.\\d+ \\| ${escapeRegExp(installation.name)} \\| MISSING$`, 'm'));
    }
    expect(text).toContain('Assessments missing (11)');
    // Links expire; the sheet keeps none.
    expect(text).not.toContain('signature');
  });

  it('answers a link that downloads the Word file', async () => {
    await stack.bindNewSpreadsheet();
    const answer = await generate();
    const response = await fetch(answer.body.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it("reports assessments as generated drafts after an editor rewrote their 'written' hashes in the sheet", async () => {
    const id = await stack.bindNewSpreadsheet();
    const writeAssessments = () =>
      stack.api.call('POST', apiPaths.sheetAssessments('imagine', 'PY1'), { as: COORDINATOR });
    expect((await writeAssessments()).status).toBe(200);
    const tab = await stack.tab(id, 'assessments');
    // Any editor can rewrite developer metadata: every row now "says" another text was written there.
    await stack.asCoordinator().spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            deleteDeveloperMetadata: {
              dataFilter: { developerMetadataLookup: { metadataKey: ANCHOR_KEYS.assessmentWritten } },
            },
          },
          ...tab.rowAnchors
            .filter((anchor) => anchor.key === ANCHOR_KEYS.assessmentRow)
            .map((anchor) => ({
              createDeveloperMetadata: {
                developerMetadata: {
                  metadataKey: ANCHOR_KEYS.assessmentWritten,
                  metadataValue: 'ffffffffffffffff',
                  visibility: 'DOCUMENT',
                  location: {
                    dimensionRange: {
                      sheetId: tab.sheetId,
                      dimension: 'ROWS',
                      startIndex: anchor.index,
                      endIndex: anchor.index + 1,
                    },
                  },
                },
              },
            })),
        ],
      },
    });
    const again = await writeAssessments();
    expect(again.status).toBe(200);
    expect(again.body.editsStored).toEqual([]);

    expect((await generate()).status).toBe(200);
    const text = await reportTabText(id);
    expect(text).not.toContain('present (written by a person)');
    for (const installation of EXAMPLE.config.installations) {
      expect(text).toMatch(
        new RegExp(
          `^2\\.\\d+ \\| ${escapeRegExp(installation.name)} \\| present \\(generated draft\\)$`,
          'm',
        ),
      );
    }
  });

  it('keeps section numbers such as 2.10 as text, never as numbers or formulas', async () => {
    const id = await stack.bindNewSpreadsheet();
    expect((await generate()).status).toBe(200);
    const tab = await stack.tab(id, 'report');
    const row = tab.cells.findIndex((cells) => cells[0] === '2.10');
    expect(row).toBeGreaterThan(0);
    const cell = (await stack.readAll(id)).sheets?.find((sheet) => sheet.properties?.sheetId === tab.sheetId)
      ?.data?.[0]?.rowData?.[row]?.values?.[0]?.userEnteredValue;
    expect(cell).toEqual({ stringValue: '2.10' });
  });

  it('replaces the window block in place once the assessments are drafted', async () => {
    const id = await stack.bindNewSpreadsheet();
    expect((await generate()).status).toBe(200);
    expect(
      (await stack.api.call('POST', apiPaths.drafts('imagine', 'PY1'), { as: COORDINATOR })).status,
    ).toBe(200);
    stack.sheetsApi.resetCounts();
    const again = await generate(COORDINATOR, 'html');
    expect(again.status).toBe(200);
    expect(again.body.missingAssessments).toEqual([]);
    expect(stack.batchUpdates()).toBe(1);

    const tab = await stack.tab(id, 'report');
    const blocks = tab.rowAnchors.filter((anchor) => anchor.key === ANCHOR_KEYS.windowBlock);
    expect(blocks.map((anchor) => anchor.value)).toEqual(['PY1']);
    const text = await reportTabText(id);
    expect(text).not.toContain('MISSING');
    expect(text.match(/\| present \(generated draft\)$/gm)).toHaveLength(11);
    expect(text).toContain('Every installation has its assessment.');
    expect(text.match(/^Executive summary/gm)).toHaveLength(1);

    const page = await fetch(again.body.url);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('answers 403 for the link with one character changed and for the link after its expiry', async () => {
    await stack.bindNewSpreadsheet();
    const answer = await generate();
    const url = new URL(answer.body.url);
    const signature = url.searchParams.get('signature') ?? '';
    url.searchParams.set('signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
    const altered = await fetch(url);
    expect(altered.status).toBe(403);
    expect(((await altered.json()) as ErrorResponse).message).toMatch(/^This report link is not valid/);

    clock = NOW.plus({ seconds: LINK_TTL_SECONDS + 1 });
    const expired = await fetch(answer.body.url);
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({
      code: 'report-link-expired',
      message: expect.stringContaining(`expired at ${answer.body.expiresAt}`),
    });
  });

  it('refuses partners with 403 and writes nothing', async () => {
    const id = await stack.bindNewSpreadsheet();
    const refused = await generate(IFCA);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe(
      `Only coordinators of project "imagine" may generate the report into the spreadsheet; ${IFCA} is not one`,
    );
    expect(stack.batchUpdates()).toBe(0);
    await expect(stack.tab(id, 'report')).rejects.toThrow('no report tab');
  });

  it('says the server is misconfigured without REPORT_LINK_SECRET, before calling the Sheets API', async () => {
    await stack.bindNewSpreadsheet();
    const { api } = stack;
    const container = testContainer(
      api.harness.local.endpoint,
      api.harness.tableName,
      api.signer,
      'oidc',
      {},
      {
        sheets: () =>
          new SheetsGateway({
            rootUrl: stack.sheetsApi.rootUrl,
            retry: { budgetMs: 500, firstDelayMs: 5, maxDelayMs: 40 },
          }),
      },
    );
    const response = await handleApiRequest(
      {
        method: 'POST',
        path: '/v1/projects/imagine/sheet/report',
        query: { period: 'PY1', format: 'docx' },
        headers: { authorization: `Bearer ${api.signer.sign({ email: COORDINATOR })}` },
        remoteAddress: '127.0.0.1',
      },
      () => container,
    );
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ code: 'misconfigured' });
    expect(JSON.stringify(response.body)).toContain('REPORT_LINK_SECRET');
    expect(stack.sheetsApi.requestCounts()).toEqual({});
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
