import type { ApplyConfigResponse } from '../../../functions/contract/config-tabs-contract';
import { apiPaths } from '../../../functions/contract/contract';
import { ANCHOR_KEYS } from '../../../functions/sheets/layout/anchors';
import { COORDINATOR, IFCA } from '../api/api-test-server';
import { useSheetsStack } from './sheets-test-stack';

/**
 * POST …/sheet/config (Apply configuration) against the local Sheets API: the tabs setup wrote from
 * the stored configuration read back to the same configuration, and the tabs, which any editor may
 * change, never decide the project or who coordinates it.
 */
describe('POST /v1/projects/{id}/sheet/config', () => {
  const stack = useSheetsStack();

  async function setUpExample(): Promise<string> {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    const setup = await stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR });
    expect(setup.status).toBe(200);
    return id;
  }

  const storedConfig = async () =>
    (await stack.api.call('GET', apiPaths.config('imagine'), { as: COORDINATOR })).body as {
      config: unknown;
      revision: string;
    };

  it('reads the tabs setup wrote back to the stored configuration, as a new revision', async () => {
    await setUpExample();
    const before = await storedConfig();
    const applied = await stack.api.call('POST', apiPaths.sheetConfig('imagine'), { as: COORDINATOR });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: true, installations: 11 });
    const after = await storedConfig();
    expect(after.config).toEqual(before.config);
    expect(after.revision).not.toBe(before.revision);
  });

  it('refuses tabs naming another project or leaving out the coordinator who applies, each on its cell', async () => {
    const id = await setUpExample();
    const before = await storedConfig();
    await stack.asCoordinator().spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'RAW',
        data: [
          { range: "'Project'!B3", values: [['someone-elses']] },
          { range: "'Project'!B12", values: [[IFCA]] },
        ],
      },
    });
    const applied = await stack.api.call('POST', apiPaths.sheetConfig('imagine'), { as: COORDINATOR });
    expect(applied.status).toBe(200);
    const body = applied.body as ApplyConfigResponse;
    expect(body.applied).toBe(false);
    if (body.applied) return;
    expect(body.problems.map((problem) => [problem.a1, problem.message])).toEqual([
      [
        'Project!B3',
        'Project, Project id: found "someone-elses"; this spreadsheet is bound to project "imagine", so expected "imagine"',
      ],
      [
        'Project!B12',
        `Project, Coordinators: ${COORDINATOR} applies this configuration but is not listed; expected them among the coordinators (another coordinator may remove them)`,
      ],
    ]);
    expect(await storedConfig()).toEqual(before);
  });

  it('refuses a partner with 403, whatever the tabs say, and stores nothing', async () => {
    const id = await setUpExample();
    const before = await storedConfig();
    await stack.asCoordinator().spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Project'!B12",
      valueInputOption: 'RAW',
      requestBody: { values: [[`${COORDINATOR}, ${IFCA}`]] },
    });
    const applied = await stack.api.call('POST', apiPaths.sheetConfig('imagine'), { as: IFCA });
    expect(applied.status).toBe(403);
    expect(await storedConfig()).toEqual(before);
  });

  it("replaces the Installations tab an earlier setup generated with the configuration's own", async () => {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    // What setup wrote before the configuration tabs: an anchored, generated "Installations" tab.
    await stack.asCoordinator().spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { addSheet: { properties: { sheetId: 77, title: 'Installations' } } },
          {
            createDeveloperMetadata: {
              developerMetadata: {
                metadataKey: ANCHOR_KEYS.tab,
                metadataValue: 'installations',
                visibility: 'DOCUMENT',
                location: { sheetId: 77 },
              },
            },
          },
          {
            updateCells: {
              start: { sheetId: 77, rowIndex: 0, columnIndex: 0 },
              rows: [{ values: [{ userEnteredValue: { stringValue: 'Installation' } }] }],
              fields: 'userEnteredValue',
            },
          },
        ],
      },
    });
    expect((await stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR })).status).toBe(
      200,
    );
    const installations = await stack.tab(id, 'installations');
    expect(installations.sheetId).toBe(77);
    expect(installations.cells[0]?.slice(0, 2)).toEqual(['Installation id', 'Name']);
    expect(installations.cells[2]?.[0]).toBe('ai-development');
    const applied = await stack.api.call('POST', apiPaths.sheetConfig('imagine'), { as: COORDINATOR });
    expect(applied.body).toMatchObject({ applied: true });
  });
});
