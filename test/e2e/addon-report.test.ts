import type { DateTime } from 'luxon';
import type { ErrorResponse } from '../../functions/contract/contract';
import { ANCHOR_KEYS } from '../../functions/sheets/layout/anchors';
import type { PeriodDialogState } from '../../sheets-addon/shared/ui-types';
import { COORDINATOR, IFCA, NOW } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';

/**
 * The report from the sheet: "Generate report..." of the BUNDLED add-on, run in the Apps Script
 * sandbox against the real router, writes the Report tab and opens a dialog whose link downloads the
 * Word file; the same link altered, or after its expiry, answers 403.
 */
jest.setTimeout(120_000);

const SECRET = 'test-report-link-secret-0123456789abcdef';
const LINK_TTL_SECONDS = 600;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('"Generate report..." in the Apps Script sandbox', () => {
  // The backend's clock, moved past the link's expiry by a test.
  let clock: DateTime = NOW;
  const addon = useAddonSandboxStack({
    env: { REPORT_LINK_SECRET: SECRET, REPORT_LINK_TTL_SECONDS: String(LINK_TTL_SECONDS) },
    overrides: () => ({ now: () => clock }),
  });
  const { stack, box } = addon;

  /** The coordinator opens a new spreadsheet, enters the settings and sets it up from the menu. */
  async function coordinatorSetsUp(): Promise<void> {
    clock = NOW;
    await addon.coordinatorSetsUp({ liveValidation: false, sharedWith: [IFCA] });
  }

  /** The download link as the dialog's markup holds it (HTML-escaped in the href). */
  function linkInDialog(content: string): string {
    const href = /<a id="download"[^>]*href="([^"]+)"[^>]*target="_blank"/.exec(content)?.[1];
    if (href === undefined) throw new Error(`no download link in the dialog:\n${content}`);
    return href.replace(/&amp;/g, '&');
  }

  /** The coordinator generates PY1's Word report from the menu; answers what the dialog's button got. */
  async function coordinatorGeneratesReport(): Promise<unknown> {
    await coordinatorSetsUp();
    await box().run(COORDINATOR, 'menuGenerateReport');
    return box().run(COORDINATOR, 'runPeriodAction', 'report', 'PY1', 'docx');
  }

  /** The dialog the generated report opened, as the coordinator sees it. */
  function reportDialogContent(): string {
    const dialog = box().dialogs().at(-1);
    expect(dialog).toMatchObject({ kind: 'modal', title: 'va-assess: report of PY1', user: COORDINATOR });
    return dialog?.content ?? '';
  }

  it('offers the periods to report on and the formats Word, HTML and Markdown', async () => {
    await coordinatorSetsUp();
    await box().run(COORDINATOR, 'menuGenerateReport');
    expect(box().dialogs().at(-1)).toMatchObject({
      kind: 'modal',
      title: 'Generate report',
      user: COORDINATOR,
    });
    const state = (await box().run(COORDINATOR, 'periodDialogState', 'report')) as PeriodDialogState;
    expect(state.error).toBe('');
    expect(state.choices.map((choice) => choice.id)).toContain(state.selected);
    expect(state.formats.map((format) => format.id)).toEqual(['docx', 'html', 'md']);
  });

  it("writes the Report tab: one block for the window, with the example's figures", async () => {
    const report = await coordinatorGeneratesReport();
    expect(report).toMatchObject({ ok: true });

    const tab = await stack.tab(addon.spreadsheetId, 'report');
    expect(tab.rowAnchors.filter((anchor) => anchor.key === ANCHOR_KEYS.windowBlock)).toEqual([
      expect.objectContaining({ value: 'PY1' }),
    ]);
    const tabText = tab.cells.flat().join('\n');
    expect(tabText).toContain('662,547 CPU-hours');
    expect(tabText).toContain('89% of the budgeted CPU and GPU-hours, and 98% of the budgeted storage');
  });

  it("opens a dialog with the link's expiry and the installations still without an assessment", async () => {
    await coordinatorGeneratesReport();
    const content = reportDialogContent();
    expect(content).toContain('Download the report (Word)');
    expect(content).toContain(
      `datetime="${NOW.toUTC().plus({ seconds: LINK_TTL_SECONDS }).toISO({ suppressMilliseconds: true })}"`,
    );
    // Nothing was drafted yet: the dialog names all 11 installations without an assessment.
    expect(content).toContain('Assessment missing for 11 installations');
    expect(content).toContain('<li>IFCA-CSIC Scientific Cloud – CPU</li>');
  });

  it("downloads the Word file from the dialog's link, without a token", async () => {
    await coordinatorGeneratesReport();
    const download = await fetch(linkInDialog(reportDialogContent()));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe(DOCX);
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
  });

  it('answers 403 to the link once its signature is altered', async () => {
    await coordinatorGeneratesReport();
    const altered = new URL(linkInDialog(reportDialogContent()));
    const signature = altered.searchParams.get('signature') ?? '';
    altered.searchParams.set('signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
    const refused = await fetch(altered);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorResponse).message).toMatch(/^This report link is not valid/);
  });

  it('answers 403 report-link-expired to the link once it expired', async () => {
    await coordinatorGeneratesReport();
    const url = linkInDialog(reportDialogContent());
    clock = NOW.plus({ seconds: LINK_TTL_SECONDS + 1 });
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as ErrorResponse).code).toBe('report-link-expired');
  });

  it("shows a partner the API's refusal in an alert and writes no Report tab", async () => {
    await coordinatorSetsUp();
    const dialogs = box().dialogs().length;
    const answer = await box().run(IFCA, 'runPeriodAction', 'report', 'PY1', 'docx');
    expect(answer).toMatchObject({ ok: false });
    expect(box().alerts().at(-1)).toMatchObject({
      user: IFCA,
      message: `The report was not generated: Only coordinators of project "imagine" may generate the report into the spreadsheet; ${IFCA} is not one`,
    });
    expect(box().dialogs()).toHaveLength(dialogs);
    await expect(stack.tab(addon.spreadsheetId, 'report')).rejects.toThrow('no report tab');
  });
});
