import { apiPaths } from '../../../functions/contract/contract';
import { COORDINATOR } from '../api/api-test-server';
import { useSheetsStack } from './sheets-test-stack';

interface StoredConfig {
  config: { project: { title: string; acronym?: string } & Record<string, unknown> } & Record<
    string,
    unknown
  >;
  revision: string;
}

/**
 * The configuration tabs and PUT …/config are two faces of one configuration: tabs written before a
 * script or another coordinator stored a newer revision must never be applied over it. Only the
 * backend's record of the revision the tabs come from decides; Set up rewrites stale tabs.
 */
describe('Apply configuration after the configuration changed through the API', () => {
  const stack = useSheetsStack();

  const storedConfig = async () =>
    (await stack.api.call('GET', apiPaths.config('imagine'), { as: COORDINATOR })).body as StoredConfig;

  const setUp = () => stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR });
  const apply = () => stack.api.call('POST', apiPaths.sheetConfig('imagine'), { as: COORDINATOR });

  async function typeInto(spreadsheetId: string, range: string, value: string): Promise<void> {
    await stack.asCoordinator().spreadsheets.values.update({
      spreadsheetId,
      range,
      valueInputOption: 'RAW',
      requestBody: { values: [[value]] },
    });
  }

  /** The example set up in a bound spreadsheet, then a newer revision PUT through the API. */
  async function tabsThenPut(): Promise<{ id: string; put: StoredConfig }> {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    expect((await setUp()).status).toBe(200);
    const before = await storedConfig();
    const changed = {
      ...before.config,
      project: { ...before.config.project, title: 'iMagine (by a script)' },
    };
    const put = await stack.api.call('PUT', apiPaths.config('imagine'), {
      as: COORDINATOR,
      body: { config: changed, revision: before.revision },
    });
    expect(put.status).toBe(200);
    return { id, put: await storedConfig() };
  }

  it('refuses with 409 naming the stored revision, and stores nothing', async () => {
    const { id, put } = await tabsThenPut();
    await typeInto(id, "'Project'!B5", 'IMG');
    const applied = await apply();
    expect(applied.status).toBe(409);
    const body = applied.body as { code: string; message: string };
    expect(body.code).toBe('config-tabs-stale');
    expect(body.message).toMatch(
      new RegExp(
        `^the configuration changed since these tabs were written: revision ${put.revision} by ${COORDINATOR} at \\d{4}-`,
      ),
    );
    expect(body.message).toContain(
      'run Set up reporting sheet to rewrite the tabs from the stored configuration',
    );
    expect(await storedConfig()).toEqual(put);
  });

  it('Set up rewrites the stale tabs from the stored configuration; edited and applied, they are stored', async () => {
    const { id, put } = await tabsThenPut();
    expect((await stack.tab(id, 'config-project')).cells[3]?.[1]).toBe('iMagine');
    const setup = await setUp();
    expect(setup.status).toBe(200);
    expect((setup.body as { notices: string[] }).notices.join('\n')).toContain(
      'they show the stored configuration again',
    );
    expect((await stack.tab(id, 'config-project')).cells[3]?.[1]).toBe('iMagine (by a script)');
    await typeInto(id, "'Project'!B5", 'IMG');
    const applied = await apply();
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: true });
    const stored = await storedConfig();
    expect(stored.revision).not.toBe(put.revision);
    // The script's change and the coordinator's edit, both.
    expect(stored.config.project).toMatchObject({ title: 'iMagine (by a script)', acronym: 'IMG' });
  });

  it('Set up keeps current tabs as the coordinator left them (mid-edit), and a second apply is accepted', async () => {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    expect((await setUp()).status).toBe(200);
    await typeInto(id, "'Project'!B5", 'MID-EDIT');
    const setup = await setUp();
    expect((setup.body as { notices: string[] }).notices.join('\n')).not.toContain(
      'stored configuration again',
    );
    expect((await stack.tab(id, 'config-project')).cells[4]?.[1]).toBe('MID-EDIT');
    expect((await apply()).status).toBe(200);
    await typeInto(id, "'Project'!B5", 'AGAIN');
    expect((await apply()).status).toBe(200);
    expect((await storedConfig()).config.project.acronym).toBe('AGAIN');
  });
  it('refuses tabs the backend has no record of for this spreadsheet (set up before the record existed), until Set up rewrites them', async () => {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    expect((await setUp()).status).toBe(200);
    const before = await storedConfig();
    // What a deployment from before the record finds: the record names no tabs of this spreadsheet.
    await stack.api.container.configTabs.record({
      projectId: 'imagine',
      spreadsheetId: 'a-spreadsheet-bound-earlier',
      revision: before.revision,
      writtenBy: COORDINATOR,
      writtenAt: '2026-01-01T00:00:00.000Z',
    });
    await typeInto(id, "'Project'!B5", 'UNRECORDED');
    const applied = await apply();
    expect(applied.status).toBe(409);
    expect((applied.body as { message: string }).message).toMatch(
      /^the backend has no record of which configuration these tabs were written from; the stored one is revision /,
    );
    expect(await storedConfig()).toEqual(before);
    expect((await setUp()).status).toBe(200);
    expect((await stack.tab(id, 'config-project')).cells[4]?.[1]).not.toBe('UNRECORDED');
    await typeInto(id, "'Project'!B5", 'RECORDED');
    expect((await apply()).status).toBe(200);
    expect((await storedConfig()).config.project.acronym).toBe('RECORDED');
  });
});
