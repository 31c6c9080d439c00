import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ANCHOR_KEYS, OUTCOME_COLOURS } from '../../functions/sheets/layout/anchors';
import { LOCAL_SERVICE_ACCOUNT_EMAIL } from '../../local/sheets-api';
import { COORDINATOR, IFCA, INCD } from '../integration/api/api-test-server';
import { launchChromium } from '../support/chromium';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';
import { openServedPage } from './support/script-run-bridge';

/**
 * The sidebar and the Settings dialog served by the BUNDLED add-on in the Apps Script sandbox, rendered
 * in headless Chromium on live data from the real router, and used as in Sheets.
 */
jest.setTimeout(180_000);

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');
const OUTSIDER = 'someone@elsewhere.example.org';

const addon = useAddonSandboxStack();
const { stack, box, cellOf, paintOf, lastAlert, current } = addon;

describe('the pages served by the add-on, in headless Chromium, on live data', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const chromium = () => {
    if (browser === undefined) throw new Error('no browser');
    return browser;
  };
  /** What HtmlService served `email` for `menuItem`, open in a page whose google.script.run runs as them. */
  async function served(email: string, menuItem: string, viewport: { width: number; height: number }) {
    const dialogs = box().dialogs().length;
    await box().run(email, menuItem);
    const dialog = box().dialogs()[dialogs];
    if (dialog === undefined) throw new Error(`${menuItem} showed nothing; alerts: ${lastAlert()}`);
    expect(dialog.user).toBe(email);
    const page = await openServedPage(
      chromium(),
      dialog.content,
      (fnName, args) => box().run(email, fnName, ...args),
      viewport,
    );
    return { dialog, page };
  }

  it("shows the example's rejected and warning cells as the backend judged them; a click selects the cell", async () => {
    await addon.coordinatorSetsUp({ liveValidation: false });
    await box().run(COORDINATOR, 'menuValidateWholeSheet');
    expect(box().toasts().at(-1)).toMatchObject({ title: 'Validation done' });

    // What the backend holds as rejected or with a warning, in the sheet's period columns.
    const sheet = stack.sheetsApi.model.get(addon.spreadsheetId);
    const periods = sheet
      .findMetadata({ metadataKey: ANCHOR_KEYS.periodColumn })
      .map((metadata) => metadata.metadataValue ?? '');
    const judged = new Map<string, string>();
    for (const periodId of periods) {
      for (const entry of await current(periodId)) {
        if (entry.status !== 'rejected' && entry.status !== 'warning') continue;
        judged.set(cellOf(entry.installationId, entry.metricId, periodId).a1, entry.status);
      }
    }
    // The example's country lists given as "N/A" or "0" (its baselines, such as 4.000.000 CPU-hours,
    // are config, not cells): stored as none, with a warning; nothing in it is rejected outright.
    const notApplicable = cellOf('ai-as-a-service', 'countries', 'P1');
    expect(judged.get(notApplicable.a1)).toBe('warning');
    expect(paintOf(notApplicable).note).toContain('found "N/A"');
    expect(judged.get(cellOf('incd-gpu', 'countries', 'P2').a1)).toBe('warning');
    expect(judged.size).toBe(12);

    const { dialog, page } = await served(COORDINATOR, 'menuShowProblems', { width: 300, height: 900 });
    expect(dialog).toMatchObject({ kind: 'sidebar', title: 'va-assess: problems' });
    await page.locator('#problems section').first().waitFor();
    const listed = await page
      .locator('#problems li')
      .evaluateAll((items) =>
        items.map((item) => [item.querySelector('a')?.textContent ?? '', item.className]),
      );
    expect(new Map(listed.map(([a1, status]) => [a1 ?? '', status ?? '']))).toEqual(judged);
    // Nothing rejected: no red "0 rejected" badge, only the warnings' count.
    expect([...judged.values()].filter((status) => status === 'rejected')).toEqual([]);
    await expect(page.locator('#totals').textContent()).resolves.toBe(`${judged.size} warnings`);
    // The example's "0" country lists: each listed under its installation with the backend's sentence.
    const zeroCountries = cellOf('incd-gpu', 'countries', 'P1');
    const item = page.locator('li', {
      has: page.getByRole('link', { name: new RegExp(`${zeroCountries.a1}\\b`) }),
    });
    await expect(item.locator('.note').textContent()).resolves.toContain(
      paintOf(zeroCountries).note.split('\n')[0] ?? '',
    );
    expect(paintOf(zeroCountries).background).toBe(
      judged.get(zeroCountries.a1) === 'rejected' ? OUTCOME_COLOURS.rejected : OUTCOME_COLOURS.warning,
    );

    await item.getByRole('link').click();
    await page.getByText(`Selected ${zeroCountries.a1}.`).waitFor();
    expect(box().selections().at(-1)).toEqual({ user: COORDINATOR, a1: zeroCountries.a1 });

    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'addon-sidebar-live.png'), fullPage: true });
  });

  it('"Test connection" names the role of a coordinator, a partner (with their installations) and an outsider', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false, sharedWith: [IFCA, INCD, OUTSIDER] });
    const expected: [string, RegExp, boolean][] = [
      [COORDINATOR, /^coordinator@imagine\.example\.org is a coordinator of "imagine"\.$/, true],
      [
        IFCA,
        /^partner@ifca\.example\.org is a partner of "imagine", editing IFCA-CSIC Scientific Cloud – CPU, .*GPU/,
        true,
      ],
      [
        OUTSIDER,
        /^someone@elsewhere\.example\.org is neither a coordinator nor a partner of "imagine": ask a coordinator \(coordinator@imagine\.example\.org\) to add exactly someone@elsewhere\.example\.org as an editor of your installation/,
        false,
      ],
    ];
    for (const [email, role, works] of expected) {
      const { page } = await served(email, 'menuSettings', { width: 440, height: 520 });
      await page.waitForFunction("document.getElementById('status').textContent === ''");
      await expect(page.getByLabel(/Backend URL/).inputValue()).resolves.toBe(addon.backendUrl);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText(works ? 'Connection works.' : 'Connection does not work yet:').waitFor();
      const lines = await page.locator('#report li').allTextContents();
      expect({ email, lines }).toEqual({
        email,
        lines: expect.arrayContaining([
          `Backend: answering at ${addon.backendUrl}.`,
          expect.stringMatching(role),
        ]),
      });
      if (works) {
        await expect(page.locator('#serviceAccount').textContent()).resolves.toBe(
          LOCAL_SERVICE_ACCOUNT_EMAIL,
        );
        await expect(page.locator('#share').isVisible()).resolves.toBe(true);
      }
      if (email === IFCA)
        await page.screenshot({ path: join(ARTIFACTS, 'addon-settings-live.png'), fullPage: true });
      await page.context().close();
    }
  });
});
