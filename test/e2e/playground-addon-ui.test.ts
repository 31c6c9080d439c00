import type { Browser, Page } from 'playwright-core';
import { type AddonSandbox, startAddonSandbox } from '../../local/apps-script';
import { dismissAddonUi } from '../../local/playground/addon-ui';
import { WorkbookModel } from '../../local/workbook';
import { writeAddonUiProbe } from '../fixtures/addon-ui-probe';
import { createTestSigner, TEST_AUDIENCE } from '../integration/support/sign-test-token';
import { launchChromium } from '../support/chromium';
import { type AddonUiHostPage, startAddonUiHost } from './support/addon-ui-host';
import { addonDialog, chooseAddonMenuItem, shownAddonMenu } from './support/addon-ui-page';

/**
 * The playground's add-on UI in headless Chromium over a probe add-on (test/fixtures/addon-ui-probe.ts)
 * in the Apps Script double: menus built by onOpen per person, prompts and alerts answered on the page
 * with the answer reaching the waiting callback, and google.script in the add-on's own page.
 */
jest.setTimeout(120_000);

const ANN = 'ann@example.org';
const BOB = 'bob@example.org';

describe('the playground add-on UI over the Apps Script double', () => {
  const probe = writeAddonUiProbe();
  let browser: Browser | undefined;
  let model: WorkbookModel;
  let spreadsheetId = '';
  let sandbox: AddonSandbox | undefined;
  let host: AddonUiHostPage | undefined;
  let page: Page;

  const box = () => {
    if (sandbox === undefined) throw new Error('no sandbox');
    return sandbox;
  };
  const cell = (row: number, column: number) =>
    model.get(spreadsheetId).sheets()[0]?.getValue(row, column) as { stringValue?: string } | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    probe.remove();
  });
  beforeEach(async () => {
    model = new WorkbookModel();
    const spreadsheet = model.create({
      title: 'Probe',
      owner: ANN,
      sharedWith: [BOB],
      withoutDefaultSheet: true,
    });
    spreadsheet.addSheet({ title: 'Data', rowCount: 10, columnCount: 5 });
    spreadsheetId = spreadsheet.id;
    sandbox = await startAddonSandbox({
      model,
      spreadsheetId,
      distDir: probe.dir,
      signer: createTestSigner(),
      audience: TEST_AUDIENCE,
    });
    host = await startAddonUiHost(box, [ANN, BOB]);
    if (browser === undefined) throw new Error('no browser');
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(host.url);
  });
  afterEach(async () => {
    await page.context().close();
    await host?.close();
    dismissAddonUi(box());
    const failed = box()
      .executions()
      .filter((record) => record.error !== undefined && record.fnName !== 'fails');
    await sandbox?.close();
    expect(failed).toEqual([]);
  });

  async function actAs(email: string): Promise<void> {
    if (host?.actingAs() === email) return;
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/acting')),
      page.getByLabel('Acting as').selectOption(email),
    ]);
  }

  it("shows each person the menu onOpen built for them: a coordinator's has an item a partner's has not", async () => {
    await box().run(ANN, 'becomeCoordinator');
    await actAs(ANN);
    const anns = await shownAddonMenu(page);
    expect(anns).toEqual(['Rename...', 'Decide...', null, 'Coordinators only', null, 'Open probe']);
    await actAs(BOB);
    expect(await shownAddonMenu(page)).toEqual(['Rename...', 'Decide...', null, 'Open probe']);
  });

  it("runs only the callbacks of the acting person's menu, and takes only JSON", async () => {
    await actAs(BOB);
    const post = (body: string, type = 'application/json') =>
      fetch(`${host?.url}playground/addon/menu/run`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
    const notInMenu = await post(JSON.stringify({ functionName: 'menuCoordinatorsOnly' }));
    expect(notInMenu.status).toBe(404);
    await expect(notInMenu.json()).resolves.toEqual({
      message: `The add-on's menu for ${BOB} has no item running menuCoordinatorsOnly.`,
    });
    const form = await post('functionName=menuDecide', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    expect(cell(0, 2)).toBeUndefined();
  });

  it('shows a prompt as Google does; answered Cancel, the callback writes nothing; answered OK, it writes the text', async () => {
    let runs = await menuRunsEnded();
    await chooseAddonMenuItem(page, 'Rename...');
    const prompt = page.getByRole('alertdialog', { name: 'Rename' });
    await prompt.getByText('New name for the project:').waitFor();
    await expect(prompt.getByRole('button').allTextContents()).resolves.toEqual(['×', 'OK', 'Cancel']);
    await prompt.getByRole('textbox').fill('Not this one');
    await prompt.getByRole('button', { name: 'Cancel' }).click();
    await prompt.waitFor({ state: 'detached' });
    runs = await menuRunEnded(runs);
    expect(cell(0, 0)).toBeUndefined();
    expect(box().alerts().at(-1)).toMatchObject({
      user: ANN,
      buttons: 'OK_CANCEL',
      answer: 'CANCEL',
      prompt: 'Not this one',
    });

    await chooseAddonMenuItem(page, 'Rename...');
    await prompt.getByRole('textbox').fill('iMagine');
    await prompt.getByRole('button', { name: 'OK' }).click();
    await menuRunEnded(runs);
    expect(cell(0, 0)).toEqual({ stringValue: 'iMagine' });
  });

  it("shows an alert's buttons; the one clicked (or its close box) is what Ui.alert returns", async () => {
    let runs = await menuRunsEnded();
    await chooseAddonMenuItem(page, 'Decide...');
    const alert = page.getByRole('alertdialog', { name: 'Decide' });
    // allTextContents reads once: wait for the alert, drawn after the script ran in its worker.
    await alert.waitFor();
    await expect(alert.getByRole('button').allTextContents()).resolves.toEqual(['×', 'Yes', 'No', 'Cancel']);
    await alert.getByRole('button', { name: 'No' }).click();
    runs = await menuRunEnded(runs);
    expect(cell(0, 1)).toEqual({ stringValue: 'NO' });
    await chooseAddonMenuItem(page, 'Decide...');
    await alert.getByRole('button', { name: 'Close' }).click();
    await menuRunEnded(runs);
    expect(cell(0, 1)).toEqual({ stringValue: 'CLOSE' });
  });

  it("bridges google.script.run (handlers, user object, failures, private functions) and google.script.host in the add-on's page", async () => {
    await chooseAddonMenuItem(page, 'Open probe');
    const { box: dialog, frame } = addonDialog(page, 'Probe');
    const out = frame.locator('#out');
    await frame.getByRole('button', { name: 'Who' }).click();
    await expect(waitForText(out, /\|/)).resolves.toBe(`${ANN}:x | asked`);
    await frame.getByRole('button', { name: 'Fail' }).click();
    await expect(waitForText(out, /^failed/)).resolves.toBe('failed: no such period | failing');
    await frame.getByRole('button', { name: 'Hidden' }).click();
    await expect(waitForText(out, /hidden_/)).resolves.toBe(
      'failed: Script function not found: hidden_ | undefined',
    );
    await frame.getByRole('button', { name: 'Tall' }).click();
    await expect(waitForHeight(dialog)).resolves.toBe(320);
    await frame.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  /** How many menu items the page has seen run to their end (it counts each onChange). */
  async function menuRunsEnded(): Promise<number> {
    return Number(await page.locator('#changes').textContent());
  }

  /** Once the item run after `before` has ended: its execution, alert or prompt answered, finished. */
  async function menuRunEnded(before: number): Promise<number> {
    await page.waitForFunction(`Number(document.getElementById('changes').textContent) > ${before}`);
    return before + 1;
  }
});

async function waitForText(locator: import('playwright-core').Locator, pattern: RegExp): Promise<string> {
  await locator.filter({ hasText: pattern }).waitFor();
  return (await locator.textContent()) ?? '';
}

/** The iframe's height as drawn, once it is no longer the 200 px the dialog opened with. */
async function waitForHeight(dialog: import('playwright-core').Locator): Promise<number> {
  const frame = dialog.locator('iframe');
  await dialog.locator('iframe:not([style*="height: 200px"])').waitFor();
  return (await frame.boundingBox())?.height ?? 0;
}
