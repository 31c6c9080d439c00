import { protectionDescriptions } from '../../../functions/sheets/layout/protection';
import { readSnapshot, rowsByAnchor } from '../../../functions/sheets/layout/sheet-snapshot';
import { TAB_REGISTRY } from '../../../functions/sheets/layout/tab-registry';
import { setupSheet } from '../../../functions/sheets/write-back/setup-sheet';
import { LOCAL_SERVICE_ACCOUNT_EMAIL } from '../../../local/sheets-api';
import { CONTACT_ROW_KEY, contactsTab } from '../../fixtures/contacts-tab';
import { useSheetsStack } from './sheets-test-stack';

describe('a tab added as one module and one registry line', () => {
  const stack = useSheetsStack();
  // The registry line: the product's tabs and the fixture's module.
  const tabs = [...TAB_REGISTRY, contactsTab];

  async function exampleConfig() {
    await stack.api.seedExample();
    const config = await stack.api.container.configs.load('imagine');
    if (config === null) throw new Error('the example was not seeded');
    return config;
  }

  it('is created, written and protected by setup through the Sheets API; a second setup changes nothing', async () => {
    const config = await exampleConfig();
    const id = await stack.bindNewSpreadsheet();
    const setup = await setupSheet(stack.api.container, config, tabs);
    expect(setup.batchUpdates).toBe(1);
    expect(stack.batchUpdates()).toBe(1);

    const contacts = await stack.tab(id, 'contacts');
    expect(contacts.title).toBe('Contacts');
    expect(contacts.cells[0]).toEqual(['Installation', 'Editors']);
    const rows = rowsByAnchor(contacts, CONTACT_ROW_KEY);
    expect([...rows.keys()]).toEqual(config.installations.map((installation) => installation.id));
    for (const installation of config.installations) {
      expect(contacts.cells[rows.get(installation.id) ?? -1]).toEqual([
        installation.name,
        installation.editors.join(', '),
      ]);
    }
    // Declared 'generated': coordinators and the service account only, like every generated tab.
    expect(contacts.protectedRanges).toHaveLength(1);
    expect(contacts.protectedRanges[0]).toMatchObject({
      description: protectionDescriptions.tab('contacts'),
      range: { sheetId: contacts.sheetId },
    });
    expect(contacts.protectedRanges[0]?.editors?.users).toContain(LOCAL_SERVICE_ACCOUNT_EMAIL);
    expect(contacts.protectedRanges[0]?.editors?.users).not.toContain(config.installations[0]?.editors[0]);
    // The registered tabs are built beside it, as without it.
    for (const role of ['metrics', 'installations', 'summary', 'assessments']) {
      expect((await stack.tab(id, role)).title).toBe(role[0]?.toUpperCase() + role.slice(1));
    }

    const before = await stack.readAll(id);
    stack.sheetsApi.resetCounts();
    const again = await setupSheet(stack.api.container, config, tabs);
    expect(again).toMatchObject({ requests: 0, batchUpdates: 0 });
    expect(await stack.readAll(id)).toEqual(before);
  });

  it('is not written by a setup whose registry does not list it', async () => {
    const config = await exampleConfig();
    const id = await stack.bindNewSpreadsheet();
    const setup = await setupSheet(stack.api.container, config);
    expect(setup.batchUpdates).toBe(1);
    const snapshot = readSnapshot(await stack.readAll(id));
    expect(snapshot.tabs.contacts).toBeUndefined();
    expect(snapshot.titles).not.toContain('Contacts');
  });
});
