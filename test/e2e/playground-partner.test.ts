import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUTCOME_COLOURS } from '../../functions/sheets/layout/anchors';
import { IFCA } from '../integration/api/api-test-server';
import {
  actAs,
  rgbOf,
  showTab,
  usePlaygroundHarness,
  waitForBackground,
  waitForBackgrounds,
} from './support/playground-harness';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');

/**
 * Issue 17's partner: the playground in headless Chromium, used as a person uses Google Sheets:
 * clicking a cell, typing, pressing Enter, hovering, pasting. The real bundle runs behind the page.
 */
describe('the playground, as the IFCA partner', () => {
  const harness = usePlaygroundHarness();

  it('paints "4.000.000" typed into IFCA-CSIC CPU\'s P3 cell amber, its note giving 4,000,000 on hover', async () => {
    const page = await harness.openPage();
    await actAs(page, IFCA);
    await showTab(page, 'Metrics');
    const hours = harness.cellOf('ifca-cpu', 'cpu-hours', 'P3');
    const sentBefore = harness.sent();
    await page.locator(`td[data-a1="${hours.a1}"]`).click();
    await page.keyboard.type('4.000.000');
    await page.keyboard.press('Enter');
    await waitForBackground(page, hours.a1, OUTCOME_COLOURS.warning);
    expect(harness.sent() - sentBefore).toBe(1);
    await expect(page.locator(`td[data-a1="${hours.a1}"]`).textContent()).resolves.toBe('4.000.000');
    await page.locator(`td[data-a1="${hours.a1}"]`).hover();
    await page.locator('#note-popup').waitFor({ state: 'visible' });
    await expect(page.locator('#note-popup').textContent()).resolves.toContain('4,000,000');
  });

  it('paints "FR, SP" in a countries cell red, its note suggesting ES', async () => {
    const page = await harness.openPage();
    await actAs(page, IFCA);
    await showTab(page, 'Metrics');
    const countries = harness.cellOf('ifca-cpu', 'countries', 'P3');
    await page.locator(`td[data-a1="${countries.a1}"]`).click();
    await page.keyboard.type('FR, SP');
    await page.keyboard.press('Enter');
    await waitForBackground(page, countries.a1, OUTCOME_COLOURS.rejected);
    await page.locator(`td[data-a1="${countries.a1}"]`).hover();
    await page.locator('#note-popup').waitFor({ state: 'visible' });
    await expect(page.locator('#note-popup').textContent()).resolves.toMatch(/\bES\b/);
    // README's picture: written to docs/ only when asked, so that npm test leaves the clone clean.
    const folder =
      process.env.UPDATE_DOCS_PICTURES === '1' ? join(ROOT, 'docs') : join(ROOT, 'test-artifacts');
    mkdirSync(folder, { recursive: true });
    await page.screenshot({ path: join(folder, 'playground.png') });
  });

  it('refuses typing into an INCD cell as a protected cell, and the add-on sends nothing', async () => {
    const page = await harness.openPage();
    await actAs(page, IFCA);
    await showTab(page, 'Metrics');
    const incd = harness.cellOf('incd-cpu', 'cpu-hours', 'P3');
    const cell = page.locator(`td[data-a1="${incd.a1}"]`);
    await expect(cell.getAttribute('class')).resolves.toContain('locked');
    const before = { text: await cell.textContent(), sent: harness.sent() };
    await cell.click();
    await page.keyboard.type('123');
    await page.keyboard.press('Enter');
    await page.locator('#sheet-alert').waitFor({ state: 'visible' });
    await expect(page.locator('#sheet-alert-text').textContent()).resolves.toContain(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    await expect(cell.textContent()).resolves.toBe(before.text);
    expect(harness.sent()).toBe(before.sent);
    expect(
      harness.playground.stack
        .sandbox()
        .host.model.get(harness.playground.stack.spreadsheetId)
        .sheetById(incd.sheetId)
        .getValue(incd.row, incd.column),
    ).not.toEqual({ numberValue: 123 });
  });

  it('sends a 4×3 block pasted from the clipboard in one request and paints its 12 cells red', async () => {
    const page = await harness.openPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    await actAs(page, IFCA);
    await showTab(page, 'Metrics');
    // IFCA-CSIC CPU's first four rows, periods P1 to P3: copied from the partner's own accounting sheet.
    const corner = harness.cellOf('ifca-cpu', 'countries', 'P1');
    const rows = [0, 1, 2, 3].map((offset) => corner.row + offset);
    const columns = [0, 1, 2].map((offset) => corner.column + offset);
    const a1s = rows.flatMap((row) =>
      columns.map((column) => `${corner.a1.split('!')[0]}!${String.fromCharCode(65 + column)}${row + 1}`),
    );
    // Words where figures and country codes belong: each of the 12 cells must come back red.
    const block = ['lots\tmany\tsome', 'lots\tmany\tsome', 'lots\tmany\tsome', 'lots\tmany\tsome'].join('\n');
    await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(block)})`);
    const sentBefore = harness.sent();
    await page.locator(`td[data-a1="${corner.a1}"]`).click();
    await page.keyboard.press('Control+V');
    await waitForBackgrounds(page, a1s, (drawn) => drawn === rgbOf(OUTCOME_COLOURS.rejected));
    expect(harness.sent() - sentBefore).toBe(1);
    await expect(page.locator(`td[data-a1="${a1s[4]}"]`).textContent()).resolves.toBe('many');
  });
});
