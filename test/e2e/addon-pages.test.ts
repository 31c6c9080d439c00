import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { readExampleProject } from '../../functions/api/example-seed';
import type { CellOutcome } from '../../functions/contract/contract';
import { validateEntries } from '../../functions/domain/validation/validate-entries';
import { paintForOutcome } from '../../sheets-addon/core/cell-note';
import { problemsOf } from '../../sheets-addon/core/problems';
import type { ValueGrid } from '../../sheets-addon/core/value-grid';
import type { ConnectionReport, ProblemsView, SidebarStatusView } from '../../sheets-addon/shared/ui-types';
import { launchChromium } from '../support/chromium';

const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const page = (name: string) => readFileSync(join(ROOT, 'sheets-addon', 'client', name), 'utf8');
const EXAMPLE = readExampleProject(join(ROOT, 'examples', 'imagine-py1'));
const NOW = DateTime.fromISO('2023-10-02T09:00:00', { zone: 'Europe/Amsterdam' });

/** The example's Metrics rows as the add-on sees them: IFCA's countries and INCD's CPU-hours. */
const grid: ValueGrid = {
  sheetId: 7,
  sheetName: 'Metrics',
  rows: new Map([
    [12, { installationId: 'ifca-cpu', metricId: 'countries' }],
    [13, { installationId: 'ifca-cpu', metricId: 'cpu-hours' }],
    [30, { installationId: 'incd-cpu', metricId: 'cpu-hours' }],
  ]),
  columns: new Map([
    [3, 'P1'],
    [4, 'P2'],
  ]),
};

/** What the partner typed, validated by the real domain, painted by the real add-on code. */
function problemsOfTheExample(): ProblemsView {
  const typed = [
    {
      row: 12,
      column: 4,
      installationId: 'ifca-cpu',
      metricId: 'countries',
      periodId: 'P2' as const,
      raw: 'FR, SP',
    },
    {
      row: 13,
      column: 4,
      installationId: 'ifca-cpu',
      metricId: 'cpu-hours',
      periodId: 'P2' as const,
      raw: 'lots',
    },
    {
      row: 30,
      column: 3,
      installationId: 'incd-cpu',
      metricId: 'cpu-hours',
      periodId: 'P1' as const,
      raw: '4.000.000',
    },
  ];
  const outcomes = validateEntries(typed, { config: EXAMPLE.config, now: NOW, stored: [] });
  const box = { row: 12, column: 3, numRows: 19, numColumns: 2 };
  const backgrounds = Array.from({ length: 19 }, () => ['#ffffff', '#ffffff']);
  const notes = Array.from({ length: 19 }, () => ['', '']);
  typed.forEach((cell, index) => {
    const outcome = outcomes[index];
    if (outcome === undefined) throw new Error('no outcome');
    const answer: CellOutcome = {
      ...cell,
      status: outcome.status,
      message: outcome.issues.map((issue) => issue.message).join(' '),
      issues: outcome.issues,
      normalized: outcome.normalized,
      value: outcome.value,
      version: 1,
    };
    const paint = paintForOutcome(answer, cell.raw);
    const row = backgrounds[cell.row - box.row];
    const noteRow = notes[cell.row - box.row];
    if (row === undefined || noteRow === undefined) throw new Error('outside the box');
    row[cell.column - box.column] = paint.background;
    noteRow[cell.column - box.column] = paint.note;
  });
  const names = new Map(EXAMPLE.config.installations.map((item) => [item.id, item.name]));
  return problemsOf(grid, box, { backgrounds, notes }, names, 0);
}

/** google.script.run as HtmlService offers it, answering from `answers` and recording every call. */
function shimScript(answers: Record<string, unknown>): string {
  return `
    window.__calls = [];
    (function () {
      var answers = ${JSON.stringify(answers)};
      function runner(success, failure) {
        return new Proxy({}, {
          get: function (_, name) {
            if (name === 'withSuccessHandler') return function (handler) { return runner(handler, failure); };
            if (name === 'withFailureHandler') return function (handler) { return runner(success, handler); };
            return function () {
              var args = Array.prototype.slice.call(arguments);
              window.__calls.push([name].concat(args));
              setTimeout(function () {
                if (!(name in answers)) { if (failure) failure(new Error('no such server function: ' + name)); return; }
                if (success) success(answers[name]);
              }, 0);
            };
          },
        });
      }
      window.google = { script: { run: runner(null, null) } };
    })();`;
}

let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function open(html: string, answers: Record<string, unknown>, height = 700): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 300, height } });
  const opened = await context.newPage();
  // Before the page's own script, as HtmlService defines google.script.run before any page code runs.
  await opened.setContent(html.replace('<head>', `<head><script>${shimScript(answers)}</script>`));
  return opened;
}

describe('the add-on pages in a 300 px sidebar', () => {
  it('lists the example’s rejected cells by installation, with counts, notes and links that select the cell', async () => {
    const view = problemsOfTheExample();
    const sidebar = await open(page('sidebar.html'), { sidebarProblems: view, selectCell: null });
    const ifca = sidebar.locator('section', { hasText: 'IFCA-CSIC Scientific Cloud – CPU' });
    await ifca.waitFor();
    await expect(ifca.locator('.counts').textContent()).resolves.toBe('2 rejected');
    await expect(ifca.textContent()).resolves.toContain('Read: "FR, SP"');
    await expect(ifca.textContent()).resolves.toMatch(/did you mean ES/i);
    const incd = sidebar.locator('section', { hasText: 'INCD – CPU' });
    await expect(incd.locator('.counts').textContent()).resolves.toBe('1 warning');
    await expect(sidebar.locator('#totals').textContent()).resolves.toBe('2 rejected1 warning');

    await sidebar.getByRole('link', { name: /Metrics!D12/ }).click();
    await sidebar.getByText('Selected Metrics!D12.').waitFor();
    const calls = await sidebar.evaluate('window.__calls');
    expect(calls).toContainEqual(['selectCell', 7, 'Metrics!D12']);

    // Readable at the sidebar's width: nothing runs off to the right.
    const overflow = await sidebar.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await sidebar.screenshot({ path: join(ARTIFACTS, 'addon-sidebar.png'), fullPage: true });
  });

  it("shows the current period's completeness above the problems, the reader's own installations first", async () => {
    const empty: ProblemsView = {
      error: '',
      installations: [],
      totals: { rejected: 0, warnings: 0, pending: 0 },
      outbox: 0,
    };
    const completeness: SidebarStatusView = {
      error: '',
      headline: 'P3 (M13–M18): 4 of 45 values in (9%); 40 empty, 1 rejected, 0 with a warning to look at.',
      rows: [
        {
          name: 'IFCA-CSIC Scientific Cloud – GPU',
          complete: '0%',
          owed: 4,
          mine: true,
          confirmation: 'not confirmed',
        },
        { name: 'INCD – CPU', complete: '0%', owed: 4, mine: false, confirmation: 'not confirmed' },
      ],
    };
    const sidebar = await open(page('sidebar.html'), { sidebarProblems: empty, sidebarStatus: completeness });
    const box = sidebar.locator('#completeness');
    await box.getByText('4 of 45 values in (9%)').waitFor();
    const lines = await box.locator('.installation-status').allTextContents();
    expect(lines).toEqual([
      'IFCA-CSIC Scientific Cloud – GPU (yours)0% · 4 owed · not confirmed',
      'INCD – CPU0% · 4 owed · not confirmed',
    ]);
    // Without an answer (an older backend, no network) the section stays out of the way.
    const without = await open(page('sidebar.html'), { sidebarProblems: empty });
    await without.getByText('No open problems').waitFor();
    expect(await without.locator('#completeness').isHidden()).toBe(true);
  });

  it('says so plainly when there is nothing to fix, or when the sheet is not set up', async () => {
    const empty: ProblemsView = {
      error: '',
      installations: [],
      totals: { rejected: 0, warnings: 0, pending: 0 },
      outbox: 0,
    };
    const clean = await open(page('sidebar.html'), { sidebarProblems: empty });
    await clean.getByText('No open problems').waitFor();
    const missing = await open(page('sidebar.html'), {
      sidebarProblems: { ...empty, error: 'This spreadsheet has no Metrics tab set up by va-assess yet.' },
    });
    await missing.getByText('no Metrics tab').waitFor();
  });
});

describe('the Settings dialog', () => {
  it('shows the saved settings and, on Test connection, the role and the service account to share with', async () => {
    const report: ConnectionReport = {
      ok: true,
      lines: [
        'Backend: answering at https://api.example.org.',
        'partner@ifca.example.org is a partner of "imagine", editing IFCA-CSIC Scientific Cloud – CPU.',
        'Share this spreadsheet as editor with va-assess@project.iam.gserviceaccount.com.',
      ],
      serviceAccountEmail: 'va-assess@project.iam.gserviceaccount.com',
    };
    const settings = await open(
      page('settings.html'),
      {
        settingsLoad: { backendUrl: 'https://api.example.org', projectId: 'imagine' },
        settingsTestConnection: report,
      },
      520,
    );
    await settings.waitForFunction("document.getElementById('status').textContent === ''");
    await expect(settings.getByLabel(/Backend URL/).inputValue()).resolves.toBe('https://api.example.org');
    await expect(settings.getByLabel(/Project id/).inputValue()).resolves.toBe('imagine');
    await settings.getByRole('button', { name: 'Test connection' }).click();
    await settings.getByText('Connection works.').waitFor();
    await expect(settings.locator('#report').textContent()).resolves.toContain('is a partner of "imagine"');
    await expect(settings.locator('#share').isVisible()).resolves.toBe(true);
    await expect(settings.locator('#serviceAccount').textContent()).resolves.toBe(
      'va-assess@project.iam.gserviceaccount.com',
    );
    await settings.screenshot({ path: join(ARTIFACTS, 'addon-settings.png'), fullPage: true });
  });
});

describe('the period picker', () => {
  it('keeps Run disabled when the project calendar could not be read: there is no period to run', async () => {
    // No periodDialogState answer: the shim calls the failure handler, as google.script.run does on a throw.
    const picker = await open(page('period-picker.html').replace('__PERIOD_ACTION__', 'summary'), {});
    await picker.getByText('no such server function: periodDialogState').waitFor();
    await expect(picker.locator('#period option').count()).resolves.toBe(0);
    await expect(picker.getByRole('button', { name: 'Run' }).isDisabled()).resolves.toBe(true);
  });
});
