import { apiPaths } from '../../../functions/contract/contract';
import { ANCHOR_KEYS, assessmentRowValue } from '../../../functions/sheets/layout/anchors';
import { ASSESSMENT_TEXT_COLUMN } from '../../../functions/sheets/layout/assessments-tab';
import { rowsByAnchor } from '../../../functions/sheets/layout/sheet-snapshot';
import { LOCAL_SERVICE_ACCOUNT_EMAIL, localSheetsClient } from '../../../local/sheets-api';
import { a1Of } from '../../../sheets-addon/core/value-grid';
import { metricsValues } from '../../support/metrics-values';
import { COORDINATOR, EXAMPLE } from '../api/api-test-server';
import { useSheetsStack } from './sheets-test-stack';

const NEWER_DRAFT_COLUMN = 6;
const INJECTION = '=IMPORTXML("http://x","//a")';

describe('summary and assessments written to the sheet', () => {
  const stack = useSheetsStack();
  const post = (path: string) => stack.api.call('POST', path, { as: COORDINATOR });

  async function setUpExample(): Promise<string> {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    expect((await post(apiPaths.sheetSetup('imagine'))).status).toBe(200);
    return id;
  }

  it('shows the PY1 summary and 11 assessments, one batchUpdate per call', async () => {
    const id = await setUpExample();
    stack.sheetsApi.resetCounts();
    const summary = await post(apiPaths.sheetSummary('imagine', 'PY1'));
    expect(summary.status).toBe(200);
    expect(stack.batchUpdates()).toBe(1);
    const assessments = await post(apiPaths.sheetAssessments('imagine', 'PY1'));
    expect(assessments.status).toBe(200);
    expect(stack.batchUpdates()).toBe(2);

    const summaryText = (await stack.tab(id, 'summary')).cells.flat().join('\n');
    expect(summaryText).toContain('662,547 CPU-hours');
    expect(summaryText).toMatch(/CPU and GPU-hours: .*89% of .* still available/);
    expect(summaryText).toMatch(/storage: .*98% of .* still available/);

    const tab = await stack.tab(id, 'assessments');
    const rows = rowsByAnchor(tab, ANCHOR_KEYS.assessmentRow);
    const texts = EXAMPLE.config.installations.map(
      (installation) =>
        tab.cells[rows.get(assessmentRowValue(installation.id, 'PY1')) ?? -1]?.[ASSESSMENT_TEXT_COLUMN],
    );
    expect(texts).toHaveLength(11);
    for (const text of texts) expect(text?.length).toBeGreaterThan(40);
  });

  it('keeps every value on its own row after the rows are sorted and blank rows inserted', async () => {
    const id = await setUpExample();
    const before = metricsValues(await stack.tab(id, 'metrics'));
    const metrics = await stack.tab(id, 'metrics');
    await stack.asCoordinator().spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            sortRange: {
              range: {
                sheetId: metrics.sheetId,
                startRowIndex: 1,
                endRowIndex: metrics.rowCount,
                startColumnIndex: 0,
                endColumnIndex: metrics.columnCount,
              },
              sortSpecs: [{ dimensionIndex: 1, sortOrder: 'DESCENDING' }],
            },
          },
          {
            insertDimension: {
              range: { sheetId: metrics.sheetId, dimension: 'ROWS', startIndex: 5, endIndex: 8 },
            },
          },
        ],
      },
    });
    const moved = await stack.tab(id, 'metrics');
    expect(rowsByAnchor(moved, ANCHOR_KEYS.entryRow)).not.toEqual(
      rowsByAnchor(metrics, ANCHOR_KEYS.entryRow),
    );

    stack.sheetsApi.resetCounts();
    for (const path of [
      apiPaths.sheetSetup('imagine'),
      apiPaths.sheetSummary('imagine', 'PY1'),
      apiPaths.sheetAssessments('imagine', 'PY1'),
    ]) {
      expect((await post(path)).status).toBe(200);
    }
    expect(stack.batchUpdates()).toBeLessThanOrEqual(3);
    const after = await stack.tab(id, 'metrics');
    expect(metricsValues(after)).toEqual(before);
    // Protection follows the rows where they are now.
    const ifcaRow = rowsByAnchor(after, ANCHOR_KEYS.entryRow).get('ifca-cpu/cpu-hours') ?? -1;
    const ranges = after.protectedRanges.filter(
      (range) => range.description === 'va-assess:installation:ifca-cpu',
    );
    expect(
      ranges.some(
        (range) => (range.range?.startRowIndex ?? 0) <= ifcaRow && ifcaRow < (range.range?.endRowIndex ?? 0),
      ),
    ).toBe(true);
  });

  it("keeps a person's edit of an assessment, stores it as edited and puts the newer draft beside it", async () => {
    const id = await setUpExample();
    await post(apiPaths.sheetAssessments('imagine', 'PY1'));
    const tab = await stack.tab(id, 'assessments');
    const row = rowsByAnchor(tab, ANCHOR_KEYS.assessmentRow).get(assessmentRowValue('ifca-cpu', 'PY1')) ?? -1;
    const generated = tab.cells[row]?.[ASSESSMENT_TEXT_COLUMN];
    const edit = `${INJECTION} The CPU cloud served more than planned.`;
    await stack.asCoordinator().spreadsheets.values.update({
      spreadsheetId: id,
      range: a1Of(tab.title, row + 1, ASSESSMENT_TEXT_COLUMN + 1),
      valueInputOption: 'RAW',
      requestBody: { values: [[edit]] },
    });

    stack.sheetsApi.resetCounts();
    const again = await post(apiPaths.sheetAssessments('imagine', 'PY1'));
    expect(again.status).toBe(200);
    expect(again.body.editsStored).toEqual(['ifca-cpu']);
    expect(stack.batchUpdates()).toBe(1);

    const after = await stack.tab(id, 'assessments');
    const rowAfter =
      rowsByAnchor(after, ANCHOR_KEYS.assessmentRow).get(assessmentRowValue('ifca-cpu', 'PY1')) ?? -1;
    expect(after.cells[rowAfter]?.[ASSESSMENT_TEXT_COLUMN]).toBe(edit);
    expect(after.cells[rowAfter]?.[NEWER_DRAFT_COLUMN]).toBe(generated);
    expect(after.cells[rowAfter]?.[3]).toBe('yes');

    const drafts = await stack.api.call('GET', apiPaths.drafts('imagine', 'PY1'), { as: COORDINATOR });
    const stored = drafts.body.drafts.find(
      (draft: { installationId: string }) => draft.installationId === 'ifca-cpu',
    );
    // Nobody is named: neither Google nor the sheet can say who typed it.
    expect(stored).toMatchObject({ origin: 'edited', text: edit, editedBy: 'an editor of the spreadsheet' });

    // The text beginning with "=" is a string in the sheet, never a formula.
    const cell = (await stack.readAll(id)).sheets?.find(
      (sheet) => sheet.properties?.sheetId === after.sheetId,
    )?.data?.[0]?.rowData?.[rowAfter]?.values?.[ASSESSMENT_TEXT_COLUMN]?.userEnteredValue;
    expect(cell).toEqual({ stringValue: edit });
  });

  it("shows a partner's later edit made through the API, instead of storing the sheet's older edit over it", async () => {
    const id = await setUpExample();
    await post(apiPaths.sheetAssessments('imagine', 'PY1'));
    const tab = await stack.tab(id, 'assessments');
    const row = rowsByAnchor(tab, ANCHOR_KEYS.assessmentRow).get(assessmentRowValue('ifca-cpu', 'PY1')) ?? -1;
    const sheetEdit = "The coordinator's first wording, typed in the sheet.";
    await stack.asCoordinator().spreadsheets.values.update({
      spreadsheetId: id,
      range: a1Of(tab.title, row + 1, ASSESSMENT_TEXT_COLUMN + 1),
      valueInputOption: 'RAW',
      requestBody: { values: [[sheetEdit]] },
    });
    expect((await post(apiPaths.sheetAssessments('imagine', 'PY1'))).body.editsStored).toEqual(['ifca-cpu']);

    const apiEdit = "The partner's revised wording, saved through the API afterwards.";
    const put = await stack.api.call('PUT', apiPaths.draft('imagine', 'ifca-cpu', 'PY1'), {
      as: COORDINATOR,
      body: { text: apiEdit },
    });
    expect(put.status).toBe(200);
    const again = await post(apiPaths.sheetAssessments('imagine', 'PY1'));
    expect(again.status).toBe(200);
    expect(again.body.editsStored).toEqual([]);

    const after = await stack.tab(id, 'assessments');
    const rowAfter =
      rowsByAnchor(after, ANCHOR_KEYS.assessmentRow).get(assessmentRowValue('ifca-cpu', 'PY1')) ?? -1;
    expect(after.cells[rowAfter]?.[ASSESSMENT_TEXT_COLUMN]).toBe(apiEdit);
    const drafts = await stack.api.call('GET', apiPaths.drafts('imagine', 'PY1'), { as: COORDINATOR });
    const stored = drafts.body.drafts.find(
      (draft: { installationId: string }) => draft.installationId === 'ifca-cpu',
    );
    expect(stored).toMatchObject({ origin: 'edited', text: apiEdit });
  });

  it("decides nothing from an assessment hash an editor rewrote: the unchanged draft is not stored as a person's edit", async () => {
    const id = await setUpExample();
    await post(apiPaths.sheetAssessments('imagine', 'PY1'));
    const tab = await stack.tab(id, 'assessments');
    const row = rowsByAnchor(tab, ANCHOR_KEYS.assessmentRow).get(assessmentRowValue('ifca-cpu', 'PY1')) ?? -1;
    // Any editor can delete and create developer metadata: the row now "says" another text was written.
    await stack.asCoordinator().spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            deleteDeveloperMetadata: {
              dataFilter: { developerMetadataLookup: { metadataKey: ANCHOR_KEYS.assessmentWritten } },
            },
          },
          {
            createDeveloperMetadata: {
              developerMetadata: {
                metadataKey: ANCHOR_KEYS.assessmentWritten,
                metadataValue: '0123456789abcdef',
                visibility: 'DOCUMENT',
                location: {
                  dimensionRange: {
                    sheetId: tab.sheetId,
                    dimension: 'ROWS',
                    startIndex: row,
                    endIndex: row + 1,
                  },
                },
              },
            },
          },
        ],
      },
    });

    const again = await post(apiPaths.sheetAssessments('imagine', 'PY1'));
    expect(again.status).toBe(200);
    expect(again.body.editsStored).toEqual([]);
    const drafts = await stack.api.call('GET', apiPaths.drafts('imagine', 'PY1'), { as: COORDINATOR });
    const stored = drafts.body.drafts.find(
      (draft: { installationId: string }) => draft.installationId === 'ifca-cpu',
    );
    expect(stored).toMatchObject({ origin: 'generated' });
    const after = await stack.tab(id, 'assessments');
    expect(after.cells[row]?.[3]).toBe('no');
    expect(after.rowAnchors.filter((anchor) => anchor.key === ANCHOR_KEYS.assessmentWritten)).toEqual([]);
  });

  it("takes no text for a person's edit when an editor swapped two assessment rows' anchors", async () => {
    const id = await setUpExample();
    await post(apiPaths.sheetAssessments('imagine', 'PY1'));
    const tab = await stack.tab(id, 'assessments');
    const rows = rowsByAnchor(tab, ANCHOR_KEYS.assessmentRow);
    const swap = (from: string, to: string) => ({
      updateDeveloperMetadata: {
        dataFilters: [
          {
            developerMetadataLookup: {
              metadataId: tab.rowAnchors.find((anchor) => anchor.value === from)?.metadataId ?? -1,
            },
          },
        ],
        developerMetadata: { metadataValue: to },
        fields: 'metadataValue',
      },
    });
    const cpu = assessmentRowValue('ifca-cpu', 'PY1');
    const gpu = assessmentRowValue('ifca-gpu', 'PY1');
    await stack.asCoordinator().spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [swap(cpu, gpu), swap(gpu, cpu)] },
    });

    const again = await post(apiPaths.sheetAssessments('imagine', 'PY1'));
    expect(again.status).toBe(200);
    expect(again.body.editsStored).toEqual([]);
    const after = await stack.tab(id, 'assessments');
    // Each row now shows the text of the installation its anchor names.
    const cpuRow = rowsByAnchor(after, ANCHOR_KEYS.assessmentRow).get(cpu) ?? -1;
    expect(cpuRow).toBe(rows.get(gpu));
    expect(after.cells[cpuRow]?.[ASSESSMENT_TEXT_COLUMN]).toBe(
      tab.cells[rows.get(cpu) ?? -1]?.[ASSESSMENT_TEXT_COLUMN],
    );
  });

  it('repairs and reports a project anchor rewritten to another project instead of refusing to write', async () => {
    const id = await setUpExample();
    await stack.asCoordinator().spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateDeveloperMetadata: {
              dataFilters: [{ developerMetadataLookup: { metadataKey: ANCHOR_KEYS.project } }],
              developerMetadata: { metadataValue: 'someone-elses-project' },
              fields: 'metadataValue',
            },
          },
        ],
      },
    });
    const summary = await post(apiPaths.sheetSummary('imagine', 'PY1'));
    expect(summary.status).toBe(200);
    expect(summary.body.repaired).toEqual([
      expect.stringContaining('"someone-elses-project", not "imagine"'),
    ]);
    const anchors = (await stack.readAll(id)).developerMetadata?.filter(
      (metadata) => metadata.metadataKey === ANCHOR_KEYS.project,
    );
    expect(anchors?.map((anchor) => anchor.metadataValue)).toEqual(['imagine']);

    const setup = await post(apiPaths.sheetSetup('imagine'));
    expect(setup.status).toBe(200);
    expect(setup.body.repaired).toBeUndefined();
    expect(setup.body.batchUpdates).toBe(0);
  });

  it('writes a draft text that starts with "=" as a string', async () => {
    const id = await setUpExample();
    const put = await stack.api.call('PUT', apiPaths.draft('imagine', 'ifca-gpu', 'PY1'), {
      as: COORDINATOR,
      body: { text: INJECTION },
    });
    expect(put.status).toBe(200);
    await post(apiPaths.sheetAssessments('imagine', 'PY1'));
    const tab = await stack.tab(id, 'assessments');
    const row = rowsByAnchor(tab, ANCHOR_KEYS.assessmentRow).get(assessmentRowValue('ifca-gpu', 'PY1')) ?? -1;
    const cell = (await stack.readAll(id)).sheets?.find((sheet) => sheet.properties?.sheetId === tab.sheetId)
      ?.data?.[0]?.rowData?.[row]?.values?.[ASSESSMENT_TEXT_COLUMN]?.userEnteredValue;
    expect(cell).toEqual({ stringValue: INJECTION });
  });

  it('retries three 429s and writes once', async () => {
    const id = await setUpExample();
    stack.sheetsApi.injectFault({ method: 'spreadsheets.batchUpdate', status: 429, times: 3 });
    stack.sheetsApi.resetCounts();
    const summary = await post(apiPaths.sheetSummary('imagine', 'PY1'));
    expect(summary.status).toBe(200);
    expect(stack.batchUpdates()).toBe(4);
    const blocks = (await stack.tab(id, 'summary')).rowAnchors.filter(
      (anchor) => anchor.key === ANCHOR_KEYS.windowBlock,
    );
    expect(blocks.map((block) => block.value)).toEqual(['PY1']);
  });

  it('sends a summary applied before its 503 only once: one block, no 400 on the retry', async () => {
    const id = await setUpExample();
    stack.sheetsApi.injectFault({
      method: 'spreadsheets.batchUpdate',
      status: 503,
      times: 1,
      afterApplying: true,
    });
    stack.sheetsApi.resetCounts();
    const summary = await post(apiPaths.sheetSummary('imagine', 'PY1'));
    expect(summary.status).toBe(200);
    expect(stack.batchUpdates()).toBe(1);
    const tab = await stack.tab(id, 'summary');
    const blocks = tab.rowAnchors.filter((anchor) => anchor.key === ANCHOR_KEYS.windowBlock);
    expect(blocks.map((block) => block.value)).toEqual(['PY1']);
    expect(tab.cells.flat().filter((text) => text.startsWith('Summary of '))).toHaveLength(1);

    // The next write-back replaces the block in place and clears the earlier write's marker.
    expect((await post(apiPaths.sheetSummary('imagine', 'PY1'))).status).toBe(200);
    const again = await stack.tab(id, 'summary');
    expect(again.rowCount).toBe(tab.rowCount);
    // Markers are PROJECT-visible: only the service account's project sees them.
    const asService = localSheetsClient(stack.sheetsApi.rootUrl, LOCAL_SERVICE_ACCOUNT_EMAIL);
    const markers = (await asService.spreadsheets.get({ spreadsheetId: id })).data.developerMetadata?.filter(
      (metadata) => metadata.metadataKey === 'va-assess:write',
    );
    expect(markers).toHaveLength(1);
  });

  it('sends a summary applied before its connection was reset only once', async () => {
    const id = await setUpExample();
    stack.sheetsApi.injectFault({
      method: 'spreadsheets.batchUpdate',
      reset: true,
      times: 1,
      afterApplying: true,
    });
    stack.sheetsApi.resetCounts();
    const summary = await post(apiPaths.sheetSummary('imagine', 'PY1'));
    expect(summary.status).toBe(200);
    expect(stack.batchUpdates()).toBe(1);
    const blocks = (await stack.tab(id, 'summary')).rowAnchors.filter(
      (anchor) => anchor.key === ANCHOR_KEYS.windowBlock,
    );
    expect(blocks.map((block) => block.value)).toEqual(['PY1']);
  });

  it('sets up a spreadsheet whose first batch applied before a lost answer: no 400 for tabs that already exist', async () => {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    stack.sheetsApi.injectFault({
      method: 'spreadsheets.batchUpdate',
      status: 503,
      times: 1,
      afterApplying: true,
    });
    const setup = await post(apiPaths.sheetSetup('imagine'));
    expect(setup.status).toBe(200);
    expect(stack.batchUpdates()).toBe(1);
    const titles = (await stack.readAll(id)).sheets?.map((sheet) => sheet.properties?.title);
    expect(new Set(titles).size).toBe(titles?.length);
    expect((await post(apiPaths.sheetSetup('imagine'))).body.batchUpdates).toBe(0);
  });

  it('sends assessments applied before a lost answer only once: no duplicate row or anchor', async () => {
    const id = await setUpExample();
    stack.sheetsApi.injectFault({
      method: 'spreadsheets.batchUpdate',
      status: 500,
      times: 1,
      afterApplying: true,
    });
    const answer = await post(apiPaths.sheetAssessments('imagine', 'PY1'));
    expect(answer.status).toBe(200);
    const tab = await stack.tab(id, 'assessments');
    const anchors = tab.rowAnchors.filter((anchor) => anchor.key === ANCHOR_KEYS.assessmentRow);
    expect(anchors).toHaveLength(EXAMPLE.config.installations.length);
    expect(new Set(anchors.map((anchor) => anchor.value)).size).toBe(anchors.length);
    expect(tab.rowCount).toBe(EXAMPLE.config.installations.length + 1);
  });

  it('answers 503 retryable on a persistent 500, leaving the sheet and the stored drafts as they were', async () => {
    const id = await setUpExample();
    const before = JSON.stringify(await stack.readAll(id));
    // Each 500 comes 50 ms late, so the 2 s budget ends after at most 40 attempts, before the 100
    // faults run out, however fast the machine (without it a fast one could retry 100 times).
    stack.sheetsApi.injectFault({ method: 'spreadsheets.batchUpdate', status: 500, times: 100, delayMs: 50 });
    const answer = await post(apiPaths.sheetAssessments('imagine', 'PY1'));
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ code: 'sheets-unavailable', retryable: true });
    expect(answer.headers.get('retry-after')).not.toBeNull();
    expect(JSON.stringify(await stack.readAll(id))).toBe(before);
    const drafts = await stack.api.call('GET', apiPaths.drafts('imagine', 'PY1'), { as: COORDINATOR });
    expect(drafts.body.drafts).toEqual([]);
  });
});
