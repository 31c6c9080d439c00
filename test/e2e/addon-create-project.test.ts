import { apiPaths } from '../../functions/contract/contract';
import { OUTCOME_COLOURS } from '../../functions/sheets/layout/anchors';
import { backgroundOf } from '../../local/apps-script/colours';
import { THREE_SITE_COORDINATOR, THREE_SITE_PARTNERS } from '../fixtures/three-site-config';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';

/**
 * Issue 18's first acceptance: from an empty spreadsheet to a partner's stored value, only through
 * the add-on's menu and the cells of the configuration tabs (no JSON, curl or token by hand). The
 * add-on's bundled code runs in the Apps Script sandbox against the real router and the local Sheets API.
 */
jest.setTimeout(240_000);

const COORDINATOR = THREE_SITE_COORDINATOR;
const [BERGEN, DELFT] = THREE_SITE_PARTNERS;
const PROJECT = 'north-sea';

describe('a coordinator creates and configures a project from an empty spreadsheet', () => {
  const addon = useAddonSandboxStack({ env: { PROJECT_CREATORS: COORDINATOR } });
  const { stack, box, lastAlert } = addon;
  const spreadsheet = () => stack.sheetsApi.model.get(addon.spreadsheetId);
  const tab = (title: string) => {
    const found = spreadsheet().findSheetByTitle(title);
    if (found === undefined) throw new Error(`no tab "${title}"`);
    return found;
  };
  /** A cell by its A1 reference within a tab ("D5"), as the coordinator sees it. */
  const cell = (title: string, a1: string) => {
    const [, letters = 'A', digits = '1'] = /^([A-Z]+)(\d+)$/.exec(a1) ?? [];
    const column = [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
    const row = Number(digits) - 1;
    const sheet = tab(title);
    return {
      note: sheet.getNote(row, column) ?? '',
      background: backgroundOf(sheet.getFormat(row, column)),
    };
  };
  const storedConfig = async () => {
    const answer = await stack.api.call('GET', apiPaths.config(PROJECT), { as: COORDINATOR });
    return answer.body.config as { installations: { id: string; name: string }[] };
  };

  async function fillTheTabs(): Promise<void> {
    const b = box();
    // Project: title, acronym, grant, start, duration, period, time zone, locale, coordinators.
    await b.pasteAs(COORDINATOR, "'Project'!B4", [
      ['North Sea Data Commons'],
      [''],
      [''],
      ['2023-01-01'],
      [24],
      [6],
      ['Europe/Oslo'],
      ['en-GB'],
      [COORDINATOR],
    ]);
    await b.pasteAs(COORDINATOR, "'Budgets'!A3", [
      ['cpu-hours', 'CPU-hours', 'CPU-hours', 2_000_000],
      ['storage', 'storage', 'TB-month', 800],
    ]);
    // id, name, task, role, resource, partners, providers; the third has no name (mistake 3).
    await b.pasteAs(COORDINATOR, "'Installations'!A3", [
      ['bergen-hpc', 'Bergen HPC', 'T3.1', 'infrastructure', 'cpu', BERGEN, 'UiB'],
      ['delft-store', 'Delft Object Store', 'T3.2', 'infrastructure', 'storage', DELFT, 'TU Delft'],
      ['ocean-portal', '', 'T3.3', 'platform', 'platform', BERGEN, 'UiB'],
    ]);
    // installation, id, label, kind, unit, baseline, baseline for, measured by, aggregation, counts toward
    await b.pasteAs(COORDINATOR, "'Metric definitions'!A3", [
      [
        'bergen-hpc',
        'cpu-hours',
        'CPU-hours served',
        'hours',
        'CPU-hours',
        '',
        'project',
        'slurm',
        'sum',
        'cpu-hours',
      ],
      // Mistake 2: a users metric counting toward CPU-hours.
      ['bergen-hpc', 'users', 'Users served', 'count', 'users', '', 'period', 'slurm', 'max', 'cpu-hours'],
      // Mistake 1: a misspelt budget.
      [
        'delft-store',
        'storage',
        'Storage used',
        'tb-month',
        'TB-month',
        '',
        'project',
        'ceph',
        'sum',
        'storge',
      ],
      ['ocean-portal', 'users', 'Portal users', 'count', 'users', '', 'period', 'logs', 'max', ''],
    ]);
  }

  it('creates the project from the menu, notes three mistakes on their cells, stores nothing, then applies and takes a partner value', async () => {
    await addon.opensEmptySheet(COORDINATOR, [BERGEN, DELFT]);
    box().answerNextPrompt('OK', PROJECT);
    await box().run(COORDINATOR, 'menuCreateProject');
    expect(lastAlert()).toContain(`Project "${PROJECT}" is created, and you are its coordinator.`);
    const titles = () =>
      spreadsheet()
        .sheets()
        .map((sheet) => sheet.title);
    expect(titles()).toEqual(
      expect.arrayContaining(['Project', 'Budgets', 'Budget groups', 'Installations', 'Metric definitions']),
    );
    expect(titles()).not.toContain('Metrics');
    // Native dropdowns for the closed sets: the metric kinds, and the budgets listed in their tab.
    expect(tab('Metric definitions').getCell(2, 3).dataValidation?.condition).toMatchObject({
      type: 'ONE_OF_LIST',
      values: expect.arrayContaining([{ userEnteredValue: 'country-count' }]),
    });
    expect(tab('Metric definitions').getCell(9, 9).dataValidation?.condition).toEqual({
      type: 'ONE_OF_RANGE',
      values: [{ userEnteredValue: "='Budgets'!A3:A" }],
    });
    // Units are offered (the common ones and the starter's), not imposed: a project may name its own.
    expect(tab('Metric definitions').getCell(2, 4).dataValidation).toMatchObject({
      condition: { type: 'ONE_OF_LIST', values: expect.arrayContaining([{ userEnteredValue: 'TB-month' }]) },
      strict: false,
    });
    const starter = await storedConfig();

    await fillTheTabs();
    await box().run(COORDINATOR, 'menuApplyConfiguration');
    expect(lastAlert()).toMatch(
      /^The configuration was not applied: 3 problems to fix, each noted on its cell/,
    );
    const storge = cell('Metric definitions', 'J5');
    expect(storge.note).toMatch(
      /^Installation "Delft Object Store" \(delft-store\), metric "storage", Counts toward: unknown budget "storge"/,
    );
    expect(storge.background).toBe(OUTCOME_COLOURS.rejected);
    expect(cell('Metric definitions', 'J4').note).toMatch(
      /^Installation "Bergen HPC" \(bergen-hpc\), metric "users", Counts toward: .*"cpu-hours"/,
    );
    expect(cell('Installations', 'B5').note).toBe(
      'Installation ocean-portal, Name: is required (the cell is empty)',
    );
    expect(await storedConfig()).toEqual(starter);
    expect(titles()).not.toContain('Metrics');

    // A partner cannot apply, whatever the tabs say.
    await box().run(BERGEN, 'menuApplyConfiguration');
    expect(lastAlert()).toMatch(/^The configuration was not applied: .*coordinator/);

    await box().typeAs(COORDINATOR, "'Installations'!B5", 'Ocean Portal');
    await box().typeAs(COORDINATOR, "'Metric definitions'!J5", 'storage');
    await box().typeAs(COORDINATOR, "'Metric definitions'!J4", '');
    await box().run(COORDINATOR, 'menuApplyConfiguration');
    expect(lastAlert()).toContain('The configuration is applied');
    expect(lastAlert()).toContain('3 installation(s), 4 metric(s)');
    expect(cell('Metric definitions', 'J5')).toEqual({
      note: '',
      background: cell('Metric definitions', 'J6').background,
    });
    expect(cell('Installations', 'B5').note).toBe('');
    expect(titles()).toContain('Metrics');
    expect((await storedConfig()).installations.map((installation) => installation.name)).toEqual([
      'Bergen HPC',
      'Delft Object Store',
      'Ocean Portal',
    ]);

    await box().run(COORDINATOR, 'menuEnableLiveValidation');
    const hours = addon.cellOf('bergen-hpc', 'cpu-hours', 'P1');
    await box().typeAs(BERGEN, hours.a1, '1200');
    expect(addon.paintOf(hours).background).toBe(OUTCOME_COLOURS.accepted);
    const stored = await stack.api.call('GET', apiPaths.currentEntries(PROJECT, 'P1'), { as: COORDINATOR });
    expect(stored.body.entries).toEqual([
      expect.objectContaining({
        installationId: 'bergen-hpc',
        metricId: 'cpu-hours',
        raw: '1200',
        status: 'accepted',
      }),
    ]);

    // A later apply (a label corrected) keeps the value the partner typed, in the sheet and stored.
    await box().typeAs(COORDINATOR, "'Metric definitions'!C3", 'CPU-hours delivered');
    await box().run(COORDINATOR, 'menuApplyConfiguration');
    expect(lastAlert()).toContain('The configuration is applied');
    expect(addon.valueOf(addon.cellOf('bergen-hpc', 'cpu-hours', 'P1'))).toEqual({ stringValue: '1200' });
    const again = await stack.api.call('GET', apiPaths.currentEntries(PROJECT, 'P1'), { as: COORDINATOR });
    expect(again.body.entries).toEqual(stored.body.entries);
  });
});
