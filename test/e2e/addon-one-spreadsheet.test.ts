import { apiPaths } from '../../functions/contract/contract';
import { saveSettings } from '../../local/apps-script';
import { exampleConfigBody } from '../fixtures/example-config';
import { COORDINATOR } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';

jest.setTimeout(120_000);

/** One spreadsheet, one project (issue 18), as the coordinator meets it in the add-on. */
describe('the add-on on a spreadsheet another project holds', () => {
  const addon = useAddonSandboxStack();

  it('says which project holds it when set up for a second project, and changes nothing in it', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false });
    const second = exampleConfigBody();
    second.project.id = 'second-project';
    const created = await addon.stack.api.call('PUT', apiPaths.config('second-project'), {
      as: COORDINATOR,
      body: second,
    });
    expect(created.status).toBe(201);
    const before = await addon.stack.readAll(addon.spreadsheetId);

    await saveSettings(addon.box(), COORDINATOR, {
      backendUrl: addon.backendUrl,
      projectId: 'second-project',
    });
    await addon.box().run(COORDINATOR, 'menuSetUpSheet');

    expect(addon.lastAlert()).toBe(
      `The reporting sheet was not set up: The spreadsheet ${addon.spreadsheetId} belongs to project "imagine", and a spreadsheet holds one project: bind a new spreadsheet to "second-project", or ask that project's coordinators`,
    );
    expect(await addon.stack.readAll(addon.spreadsheetId)).toEqual(before);
  });
});
