import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import type { MenuEntry } from '../../local/apps-script';
import { COORDINATOR, IFCA } from '../integration/api/api-test-server';
import { convertWithLibreOffice } from '../support/libreoffice';
import { addonDialog, chooseAddonMenuItem, shownAddonMenu } from './support/addon-ui-page';
import { actAs, usePlaygroundHarness } from './support/playground-harness';

/**
 * Issue 17's coordinator: the playground (npm start's page and server) in headless Chromium, its
 * "Extensions › va-assess" holding the menu the BUNDLED add-on's onOpen built for the person acting,
 * each item the real callback in the Apps Script double against the real router; the add-on's own
 * dialogs in the page (under the page's own Content-Security-Policy); the tabs they fill drawn on the
 * page; the report downloaded through the browser and opened by LibreOffice.
 */
jest.setTimeout(240_000);

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

describe('the playground, as the coordinator', () => {
  const harness = usePlaygroundHarness();
  let folder = '';
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'playground-coordinator-'));
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  /** The captions onOpen gave `email`, separators as null: what the page must show them. */
  async function menuOnOpenFor(email: string): Promise<(string | null)[]> {
    const box = harness.playground.stack.sandbox();
    await box.open(email);
    const flat = (entries: MenuEntry[]): (string | null)[] =>
      entries.map((entry) =>
        'separator' in entry ? null : 'subMenu' in entry ? `${entry.caption} ›` : entry.caption,
      );
    return flat(box.menu());
  }

  /**
   * The page as a person opens it: its CSP enforced (the add-on's dialogs must work under it), the
   * playground backend's local certificate trusted as a developer trusts npm start's.
   */
  async function openPlayground(email: string): Promise<Page> {
    const context = await harness.browser.newContext({
      viewport: { width: 1400, height: 900 },
      ignoreHTTPSErrors: true,
    });
    const page = await context.newPage();
    await page.goto(harness.playground.url);
    await page.locator('td[data-a1]').first().waitFor();
    await actAs(page, email);
    return page;
  }

  /** A tab clicked in the tab bar, and the first of its cells drawn with text matching `text`. */
  async function cellOnPage(page: Page, tab: string, text: RegExp): Promise<string> {
    await page.locator('#tab-bar button', { hasText: tab }).click();
    const cell = page.locator(`td[data-a1^="${tab}!"]`, { hasText: text }).first();
    await cell.waitFor({ timeout: 60_000 });
    return (await cell.textContent()) ?? '';
  }

  /** Everything the page draws in a tab ('' when the sheet has no such tab yet). */
  async function tabTextOnPage(page: Page, tab: string): Promise<string> {
    const button = page.locator('#tab-bar button', { hasText: tab });
    if ((await button.count()) === 0) return '';
    await button.click();
    await page.locator(`td[data-a1^="${tab}!"]`).first().waitFor();
    return (await page.locator(`td[data-a1^="${tab}!"]`).allTextContents()).join('\n');
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
    const text = (await status.textContent()) ?? '';
    expect({ text, kind: await status.getAttribute('class') }).toEqual({ text, kind: 'ok' });
    return text;
  }

  it("shows the coordinator's menu (a partner's as onOpen builds it); Compute summary and Draft assessments fill their tabs on the page", async () => {
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

    // Neither tab shows what the actions write before they run.
    expect(await tabTextOnPage(page, 'Summary')).not.toMatch(/662,547|662547/);
    expect(await tabTextOnPage(page, 'Assessments')).not.toMatch(/IFCA-CSIC Scientific Cloud – CPU/);
    await chooseAddonMenuItem(page, 'Compute summary...');
    await choosePeriodAndRun(page, 'Compute summary', 'PY1');
    await answerIn(page, 'Compute summary');
    // A modal dialog keeps the sheet out of reach until its close box closes it, as in Sheets.
    const summaryDialog = addonDialog(page, 'Compute summary').box;
    await summaryDialog.getByRole('button', { name: 'Close' }).click();
    await summaryDialog.waitFor({ state: 'detached' });
    await expect(cellOnPage(page, 'Summary', /662,547|662547/)).resolves.toMatch(/662,547|662547/);

    await chooseAddonMenuItem(page, 'Draft assessments...');
    await choosePeriodAndRun(page, 'Draft assessments', 'P2');
    await answerIn(page, 'Draft assessments');
    await addonDialog(page, 'Draft assessments').box.getByRole('button', { name: 'Close' }).click();
    await expect(cellOnPage(page, 'Assessments', /IFCA-CSIC Scientific Cloud – CPU/)).resolves.toContain(
      'IFCA-CSIC',
    );

    // Show problems opens the add-on's sidebar beside the sheet, its page filled by google.script.run.
    await chooseAddonMenuItem(page, 'Show problems');
    const sidebar = addonDialog(page, 'va-assess: problems');
    await sidebar.frame.locator('#totals:not(:empty)').waitFor({ timeout: 60_000 });
    await expect(sidebar.frame.locator('#totals').textContent()).resolves.toMatch(
      /warning|rejected|pending|No problems/i,
    );
    await sidebar.box.getByRole('button', { name: 'Close' }).click();
    await sidebar.box.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('Generate report... opens the dialog whose link downloads a Word file that LibreOffice opens', async () => {
    const page = await openPlayground(COORDINATOR);
    await chooseAddonMenuItem(page, 'Generate report...');
    const { frame } = addonDialog(page, 'Generate report');
    await frame.locator('#format-row').waitFor({ timeout: 60_000 });
    await expect(frame.locator('#format').inputValue()).resolves.toBe('docx');
    // The download dialog replaces the picker, as the add-on shows it.
    await choosePeriodAndRun(page, 'Generate report', 'PY1');

    const report = addonDialog(page, 'va-assess: report of PY1');
    const link = report.frame.getByRole('link', { name: 'Download the report (Word)' });
    await link.waitFor({ timeout: 120_000 });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'playground-report-dialog.png') });
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
    convertWithLibreOffice(docx, { to: 'pdf', folder, timeoutMs: 120_000 });
    expect(existsSync(join(folder, 'report.pdf'))).toBe(true);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(folder, 'report.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('662,547 CPU-hours');

    // Its Close button (google.script.host.close) closes the dialog on the page.
    await report.frame.getByRole('button', { name: 'Close' }).click();
    await report.box.waitFor({ state: 'detached' });
    // The Report tab the same action wrote, drawn on the page.
    await expect(cellOnPage(page, 'Report', /662,547 CPU-hours/)).resolves.toContain('662,547');
    await page.context().close();
  });
});
