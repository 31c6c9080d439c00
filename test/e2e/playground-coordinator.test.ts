import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import type { MenuEntry } from '../../local/apps-script';
import { COORDINATOR, IFCA } from '../integration/api/api-test-server';
import { launchChromium } from '../support/chromium';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';
import { type AddonUiHostPage, startAddonUiHost } from './support/addon-ui-host';
import { addonDialog, chooseAddonMenuItem, shownAddonMenu } from './support/addon-ui-page';

/**
 * The playground's "Extensions › va-assess" as the coordinator uses it in headless Chromium: the menu
 * the BUNDLED add-on's onOpen built for them, its items running the real callbacks in the Apps Script
 * double against the real router, the add-on's own dialogs in the page, the report downloaded through
 * the browser and opened by LibreOffice.
 */
jest.setTimeout(240_000);

const addon = useAddonSandboxStack({
  env: { REPORT_LINK_SECRET: 'test-report-link-secret-0123456789abcdef', REPORT_LINK_TTL_SECONDS: '600' },
  fetchTimeoutMs: 60_000,
});
const { stack, box } = addon;

/** The captions onOpen gave `email`, separators as null: what the page must show them. */
async function menuOnOpenFor(email: string): Promise<(string | null)[]> {
  await box().open(email);
  const flat = (entries: MenuEntry[]): (string | null)[] =>
    entries.map((entry) =>
      'separator' in entry ? null : 'subMenu' in entry ? `${entry.caption} ›` : entry.caption,
    );
  return flat(box().menu());
}

describe('the playground menu, as the coordinator', () => {
  let browser: Browser | undefined;
  let host: AddonUiHostPage | undefined;
  let folder = '';
  beforeAll(async () => {
    browser = await launchChromium();
    folder = mkdtempSync(join(tmpdir(), 'playground-coordinator-'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  /** The page, opened as `email` acts: the backend's local TLS certificate is trusted, as npm start's. */
  async function openPlayground(email: string): Promise<Page> {
    if (browser === undefined) throw new Error('no browser');
    host = await startAddonUiHost(box, [COORDINATOR, IFCA]);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      ignoreHTTPSErrors: true,
    });
    const page = await context.newPage();
    await page.goto(host.url);
    await actAs(page, email);
    return page;
  }

  /** The person acting, chosen on the page; the server follows once the page told it. */
  async function actAs(page: Page, email: string): Promise<void> {
    if (host?.actingAs() === email) return;
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/acting')),
      page.getByLabel('Acting as').selectOption(email),
    ]);
  }

  /** A period action's dialog: the period chosen, its button clicked. */
  async function choosePeriodAndRun(page: Page, title: string, period: string): Promise<void> {
    const { frame } = addonDialog(page, title);
    // The list is enabled once the page's google.script.run call brought the project's calendar.
    await frame.locator('#period:not([disabled])').waitFor({ timeout: 60_000 });
    await frame.locator('#period').selectOption(period);
    await frame.locator('#run').click();
  }

  /** The add-on's own answer in the dialog's status line, once it came back: ok, not an error. */
  async function answerIn(page: Page, title: string): Promise<string> {
    const status = addonDialog(page, title).frame.locator('#status.ok, #status.error');
    await status.waitFor({ timeout: 120_000 });
    expect(await status.getAttribute('class')).toBe('ok');
    return (await status.textContent()) ?? '';
  }

  it('shows the items onOpen created for the coordinator; Compute summary and Draft assessments fill their tabs', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false, sharedWith: [IFCA] });
    const page = await openPlayground(COORDINATOR);
    const expected = await menuOnOpenFor(COORDINATOR);
    expect(expected).toContain('Compute summary...');
    expect(await shownAddonMenu(page)).toEqual(expected);
    // A partner sees what onOpen built for them: a different menu exactly when onOpen makes it so.
    await actAs(page, IFCA);
    const partners = await menuOnOpenFor(IFCA);
    const shownToPartner = await shownAddonMenu(page);
    expect(shownToPartner).toEqual(partners);
    if (JSON.stringify(partners) !== JSON.stringify(expected)) expect(shownToPartner).not.toEqual(expected);
    await actAs(page, COORDINATOR);
    expect(await shownAddonMenu(page)).toEqual(expected);

    await chooseAddonMenuItem(page, 'Compute summary...');
    await choosePeriodAndRun(page, 'Compute summary', 'PY1');
    await answerIn(page, 'Compute summary');
    const summary = await stack.tab(addon.spreadsheetId, 'summary');
    expect(summary.cells.flat().join(' ')).toMatch(/662,547|662547/);

    // A modal dialog keeps the sheet out of reach until its close box closes it, as in Sheets.
    const summaryDialog = addonDialog(page, 'Compute summary').box;
    await summaryDialog.getByRole('button', { name: 'Close' }).click();
    await summaryDialog.waitFor({ state: 'detached' });

    await chooseAddonMenuItem(page, 'Draft assessments...');
    await choosePeriodAndRun(page, 'Draft assessments', 'P2');
    await answerIn(page, 'Draft assessments');
    const assessments = await stack.tab(addon.spreadsheetId, 'assessments');
    expect(assessments.cells.flat().join(' ')).toContain('IFCA-CSIC Scientific Cloud – CPU');
    await page.context().close();
  });

  it('Generate report... opens the dialog whose link downloads a Word file that LibreOffice opens', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false, sharedWith: [IFCA] });
    const page = await openPlayground(COORDINATOR);
    await chooseAddonMenuItem(page, 'Generate report...');
    const { frame } = addonDialog(page, 'Generate report');
    await frame.locator('#format-row').waitFor({ timeout: 60_000 });
    await expect(frame.locator('#format').inputValue()).resolves.toBe('docx');
    // The download dialog replaces the picker, as the add-on shows it.
    await choosePeriodAndRun(page, 'Generate report', 'PY1');

    const report = addonDialog(page, 'va-assess: report of PY1');
    const link = report.frame.getByRole('link', { name: 'Download the report (Word)' });
    await link.waitFor({ timeout: 60_000 });
    // The link opens a new tab (target="_blank"), where the browser saves the file.
    const downloaded = new Promise<Download>((resolve) => {
      page.context().on('page', (opened) => opened.once('download', resolve));
      page.once('download', resolve);
    });
    await link.click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const docx = join(folder, 'report.docx');
    await download.saveAs(docx);
    expect(statSync(docx).size).toBeGreaterThan(10_000);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(folder, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        folder,
        docx,
      ],
      { timeout: 120_000, stdio: 'pipe' },
    );
    expect(existsSync(join(folder, 'report.pdf'))).toBe(true);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(folder, 'report.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('662,547 CPU-hours');

    // Its Close button (google.script.host.close) closes the dialog on the page.
    await report.frame.getByRole('button', { name: 'Close' }).click();
    await report.box.waitFor({ state: 'detached' });
    await page.context().close();
  });
});
