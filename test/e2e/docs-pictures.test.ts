import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiPaths } from '../../functions/contract/api-paths';
import { COORDINATOR, IFCA, INCD } from '../integration/api/api-test-server';
import { launchChromium } from '../support/chromium';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';
import { openServedPage } from './support/script-run-bridge';

/**
 * The pictures in docs/partner-guide.md and docs/deploy.md: the add-on's own pages, served by the
 * BUNDLED add-on in the Apps Script sandbox on live data from the real router, rendered in headless
 * Chromium. Every run checks what each page says; the PNGs are written to docs/pictures/ only with
 * UPDATE_DOCS_PICTURES=1 (then committed), to test-artifacts/ otherwise.
 */
jest.setTimeout(180_000);

const PICTURES =
  process.env.UPDATE_DOCS_PICTURES === '1'
    ? join(__dirname, '..', '..', 'docs', 'pictures')
    : join(__dirname, '..', '..', 'test-artifacts', 'docs-pictures');
const NOT_LISTED = 'new.colleague@ifca.example.org';
const SETTINGS_VIEWPORT = { width: 440, height: 560 };

const addon = useAddonSandboxStack();
const { box, lastAlert } = addon;

describe('the pictures of the partner guide and the deployment checklist', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(PICTURES, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function served(email: string, menuItem: string, viewport = SETTINGS_VIEWPORT): Promise<Page> {
    if (browser === undefined) throw new Error('no browser');
    const dialogs = box().dialogs().length;
    await box().run(email, menuItem);
    const dialog = box().dialogs()[dialogs];
    if (dialog === undefined) throw new Error(`${menuItem} showed nothing; alerts: ${lastAlert()}`);
    return openServedPage(
      browser,
      dialog.content,
      (fnName, args) => box().run(email, fnName, ...args),
      viewport,
    );
  }

  async function testConnection(email: string): Promise<{ page: Page; lines: string[] }> {
    const page = await served(email, 'menuSettings');
    await page.waitForFunction("document.getElementById('status').textContent === ''");
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.waitForFunction(
      "/Connection (works|does not work yet)/.test(document.getElementById('status').textContent)",
    );
    return { page, lines: await page.locator('#report li').allTextContents() };
  }

  it('a partner: Test connection names their installations; the sidebar lists their problems', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false });
    const { page, lines } = await testConnection(IFCA);
    expect(lines).toContainEqual(
      expect.stringMatching(/^partner@ifca\.example\.org is a partner of "imagine", editing /),
    );
    await page.screenshot({ path: join(PICTURES, 'partner-settings.png'), fullPage: true });
    await page.context().close();

    await box().run(IFCA, 'menuValidateMyRows');
    const sidebar = await served(IFCA, 'menuShowProblems', { width: 300, height: 640 });
    await sidebar.waitForFunction("document.querySelectorAll('#items li, .installation, a').length > 0");
    await sidebar.screenshot({ path: join(PICTURES, 'partner-sidebar.png') });
    await sidebar.context().close();
  });

  it('someone who can open the spreadsheet but is not listed is told whom to ask and what', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false, sharedWith: [IFCA, INCD, NOT_LISTED] });
    const { page, lines } = await testConnection(NOT_LISTED);
    expect(lines).toContainEqual(
      `${NOT_LISTED} is neither a coordinator nor a partner of "imagine": ask a coordinator (${COORDINATOR}) to add exactly ${NOT_LISTED} as an editor of your installation in the project's configuration. The address must be the Google account you open this spreadsheet with; if you have several, switch to the listed one.`,
    );
    await expect(page.locator('#status').textContent()).resolves.toBe('Connection does not work yet:');
    expect(lines).toHaveLength(2);
    await page.screenshot({ path: join(PICTURES, 'not-listed-settings.png'), fullPage: true });
    await page.context().close();
    // The proof written into the spreadsheet was removed again.
    const sheet = addon.stack.sheetsApi.model.get(addon.spreadsheetId);
    expect(sheet.findMetadata({ metadataKey: 'va-assess:binding-challenge' })).toEqual([]);

    // Someone who cannot edit the spreadsheet learns nothing, even knowing its id.
    const body = { spreadsheetId: addon.spreadsheetId };
    const stranger = 'stranger@elsewhere.example.org';
    const refusal = `${stranger} is neither a coordinator nor an editor of project "imagine"`;
    const challenge = await addon.stack.api.call('POST', apiPaths.contactsChallenge('imagine'), {
      as: stranger,
      body,
    });
    expect(challenge.status).toBe(200);
    const contacts = await addon.stack.api.call('POST', apiPaths.contacts('imagine'), { as: stranger, body });
    expect({ status: contacts.status, body: contacts.body }).toEqual({
      status: 403,
      body: { code: 'forbidden', message: refusal },
    });
    const elsewhere = { spreadsheetId: '1NotTheProjectsSpreadsheet0123456789abcdef' };
    const other = await addon.stack.api.call('POST', apiPaths.contactsChallenge('imagine'), {
      as: stranger,
      body: elsewhere,
    });
    expect({ status: other.status, body: other.body }).toEqual({
      status: 403,
      body: { code: 'forbidden', message: refusal },
    });
  });

  it("a backend deployed with the wrong OIDC_AUDIENCE: Test connection shows the person's own aud to copy", async () => {
    await addon.coordinatorSetsUp({
      settingsOnly: true,
      tokenAudience: 'the-add-on-client-id.apps.googleusercontent.com',
    });
    const { page, lines } = await testConnection(COORDINATOR);
    expect(lines).toContainEqual(
      'Your Google token is for the audience (aud) the-add-on-client-id.apps.googleusercontent.com, which the backend does not accept: whoever deployed it sets OIDC_AUDIENCE=the-add-on-client-id.apps.googleusercontent.com and deploys again.',
    );
    await expect(page.locator('#tokenAudience').textContent()).resolves.toBe(
      'the-add-on-client-id.apps.googleusercontent.com',
    );
    await expect(page.locator('#audience').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(PICTURES, 'settings-wrong-audience.png'), fullPage: true });
    await page.context().close();
  });
});
