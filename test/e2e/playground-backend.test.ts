import { OUTCOME_COLOURS } from '../../functions/sheets/layout/anchors';
import { localSheetsClient } from '../../local/sheets-api';
import { COORDINATOR, IFCA } from '../integration/api/api-test-server';
import { launchChromium } from '../support/chromium';
import { chooseAddonMenuItem } from './support/addon-ui-page';
import { actAs, showTab, usePlaygroundHarness, waitForBackground } from './support/playground-harness';

jest.setTimeout(60_000);

describe('the playground with its backend stopped, and opened by another name', () => {
  const harness = usePlaygroundHarness();

  it('paints an edit grey ("Pending") while the backend is stopped; Sync pending edits stores and repaints it', async () => {
    const page = await harness.openPage();
    await actAs(page, IFCA);
    await showTab(page, 'Metrics');
    await page.locator('#backend-toggle', { hasText: 'Stop the backend' }).click();
    await page.locator('#backend-status', { hasText: 'Backend stopped' }).waitFor();
    const hours = harness.cellOf('ifca-gpu', 'gpu-hours', 'P3');
    const cell = page.locator(`td[data-a1="${hours.a1}"]`);
    await cell.click();
    await page.keyboard.type('2500');
    await page.keyboard.press('Enter');
    await waitForBackground(page, hours.a1, OUTCOME_COLOURS.pending);
    await cell.hover();
    await page.locator('#note-popup').waitFor({ state: 'visible' });
    await expect(page.locator('#note-popup').textContent()).resolves.toMatch(/Pending/i);
    await page.locator('#backend-status', { hasText: 'outbox: 1 edit waiting' }).waitFor();

    await page.locator('#backend-toggle', { hasText: 'Start the backend' }).click();
    await page.locator('#backend-status', { hasText: 'Backend running' }).waitFor();
    await actAs(page, COORDINATOR);
    // Extensions › va-assess › Sync pending edits, clicked: the bundle's menuSyncPending as the coordinator.
    await chooseAddonMenuItem(page, 'Sync pending edits');
    const alert = page.getByRole('alertdialog').filter({ hasText: 'The outbox is empty' });
    await alert.waitFor();
    await alert.getByRole('button', { name: 'OK' }).click();
    await waitForBackground(page, hours.a1, OUTCOME_COLOURS.accepted);
    await page.locator('#backend-status', { hasText: 'outbox: 0 edits waiting' }).waitFor();
    // Green comes only from the backend's answer: the queued edit was stored.
    await expect(cell.textContent()).resolves.toBe('2500');
  });

  it('repaints a write made through the Sheets API without reloading, and Reset to the example undoes a typed cell', async () => {
    const page = await harness.openPage();
    await actAs(page, IFCA);
    await showTab(page, 'Metrics');
    const countries = harness.cellOf('ifca-storage', 'countries', 'P3');
    const cell = page.locator(`td[data-a1="${countries.a1}"]`);
    await cell.click();
    await page.keyboard.type('FR, SP');
    await page.keyboard.press('Enter');
    await waitForBackground(page, countries.a1, OUTCOME_COLOURS.rejected);

    // The functions write through the Sheets API (as setup, summary and assessments do): the page follows.
    await localSheetsClient(harness.sheetsApi.rootUrl, COORDINATOR).spreadsheets.values.update({
      spreadsheetId: harness.playground.stack.spreadsheetId,
      range: 'Metrics!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['Written through the Sheets API']] },
    });
    await page.locator('td[data-a1="Metrics!A1"]', { hasText: 'Written through the Sheets API' }).waitFor();

    await page.locator('#reset').click();
    await page.locator('td[data-a1="Metrics!A1"]', { hasText: 'Written through the Sheets API' }).waitFor({
      state: 'detached',
    });
    await waitForBackground(page, countries.a1, '#ffffff');
    await expect(cell.textContent()).resolves.toBe('');
    // The sheet is restored before Set up and Enable live validation run again: the button comes back
    // (enabled) once the whole reset is done, as a person sees it.
    await page.locator('#reset:enabled').waitFor();
    expect(harness.playground.stack.sandbox().triggers()).toEqual([
      expect.objectContaining({ handlerFunction: 'onLiveEdit', eventType: 'ON_EDIT' }),
    ]);
  });

  it('refuses a page opened with Host: evil.example (DNS rebinding), and its API calls too', async () => {
    const port = new URL(harness.playground.url).port;
    const browser = await launchChromium(['--host-resolver-rules=MAP evil.example 127.0.0.1']);
    try {
      const page = await browser.newPage();
      const answer = await page.goto(`http://evil.example:${port}/`);
      expect(answer?.status()).toBe(403);
      await expect(page.locator('body').textContent()).resolves.toContain('evil.example');
      await expect(page.locator('#grid').count()).resolves.toBe(0);
      const api = await page.goto(`http://evil.example:${port}/playground/api/state`);
      expect(api?.status()).toBe(403);
    } finally {
      await browser.close();
    }
    // The same page by a loopback name is served.
    const page = await harness.openPage();
    await expect(page.locator('#grid').count()).resolves.toBe(1);
  });
});
