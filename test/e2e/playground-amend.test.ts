import type { Page } from 'playwright-core';
import { OUTCOME_COLOURS } from '../../functions/sheets/layout/anchors';
import { COORDINATOR } from '../integration/api/api-test-server';
import { chooseAddonMenuItem } from './support/addon-ui-page';
import {
  actAs,
  rgbOf,
  showTab,
  usePlaygroundHarness,
  waitForBackground,
  waitForBackgrounds,
} from './support/playground-harness';

jest.setTimeout(120_000);

/**
 * Issue 19's coordinator in the playground, as a person: Lock period… answered in the page's
 * prompts, a new value typed into the locked cell (refused: the trigger never amends), the cell
 * clicked and Amend locked cell… chosen, the reason typed. The page's selected cell is what the
 * bundle's getActiveRange() answers.
 */
describe('the playground, as the coordinator closing PY1', () => {
  const harness = usePlaygroundHarness();

  /** The prompt titled `title` asking `asking` (two prompts may share a title), answered OK with `text`. */
  async function answerPrompt(page: Page, title: string, asking: RegExp, text: string): Promise<string> {
    const prompt = page.getByRole('alertdialog', { name: title }).filter({ hasText: asking });
    await prompt.waitFor({ timeout: 60_000 });
    const question = (await prompt.textContent()) ?? '';
    await prompt.getByRole('textbox').fill(text);
    await prompt.getByRole('button', { name: 'OK' }).click();
    await prompt.waitFor({ state: 'detached' });
    return question;
  }

  async function closeAlert(page: Page, text: RegExp): Promise<string> {
    const alert = page.getByRole('alertdialog').filter({ hasText: text });
    await alert.waitFor({ timeout: 60_000 });
    const said = (await alert.textContent()) ?? '';
    await alert.getByRole('button', { name: 'OK' }).click();
    await alert.waitFor({ state: 'detached' });
    return said;
  }

  it('amends a locked P2 cell: the value typed, the cell selected, the reason given', async () => {
    const page = await harness.openPage();
    await actAs(page, COORDINATOR);
    await showTab(page, 'Metrics');

    await chooseAddonMenuItem(page, 'Lock period...');
    await answerPrompt(page, 'Lock period', /was submitted/, 'PY1');
    await answerPrompt(page, 'Lock period', /Which deliverable/, 'D4.2, submitted 2023-10-30');
    await closeAlert(page, /PY1 is locked since/);

    const p2 = harness.cellOf('ifca-cpu', 'cpu-hours', 'P2');
    const cell = page.locator(`td[data-a1="${p2.a1}"]`);
    await cell.click();
    await page.keyboard.type('412000');
    await page.keyboard.press('Enter');
    await waitForBackground(page, p2.a1, OUTCOME_COLOURS.rejected);

    await cell.click();
    await chooseAddonMenuItem(page, 'Amend locked cell...');
    const question = await answerPrompt(
      page,
      'Amend locked cell',
      /Why\?/,
      'IFCA counted the March jobs twice',
    );
    expect(question).toContain(`P2 of "ifca-cpu" / "cpu-hours" (${p2.a1}) becomes "412000"`);
    const said = await closeAlert(page, /is amended/);
    expect(said).toContain('because "IFCA counted the March jobs twice"');
    await waitForBackgrounds(page, [p2.a1], (drawn) => drawn !== rgbOf(OUTCOME_COLOURS.rejected));
  });
});
