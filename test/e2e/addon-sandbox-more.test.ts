import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { LOCAL_SERVICE_ACCOUNT_EMAIL } from '../../functions/local/sheets-api';
import { ANCHOR_KEYS, OUTCOME_COLOURS, parseEntryRowValue } from '../../functions/sheets/layout/anchors';
import { COORDINATOR, IFCA, INCD } from '../integration/api/api-test-server';
import { launchChromium } from '../support/chromium';
import { useAddonSandboxStack, type ValueCellRef } from './support/addon-sandbox-stack';
import { type GatedBackend, startGatedBackend } from './support/gated-backend';
import { openServedPage } from './support/script-run-bridge';

/**
 * Issue 7, the parts the first end-to-end file leaves out: the document lock under two edits at once,
 * what a partner meets in the coordinator's menu items, the sidebar and the Settings dialog served by
 * the BUNDLED add-on in the sandbox and rendered in headless Chromium, talking to it as in Sheets.
 */
jest.setTimeout(180_000);

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');
const OUTSIDER = 'someone@elsewhere.example.org';
const BUSY_PREFIX = 'va-assess.busy.';
const ENTRIES = /\/entries$/;

const addon = useAddonSandboxStack({ fetchTimeoutMs: 60_000 });
const { stack, box, cellOf, paintOf, entriesPosts, lastAlert, current } = addon;

const storedRaw = async (periodId: string, installationId: string, metricId: string) =>
  (await current(periodId)).find(
    (entry) => entry.installationId === installationId && entry.metricId === metricId,
  )?.raw;
const sentCells = (posts: ReturnType<typeof entriesPosts>) =>
  posts.map(
    (post) => (JSON.parse(post.body ?? '{}') as { cells: { installationId: string; raw: unknown }[] }).cells,
  );
const busyKeys = () => Object.keys(box().documentProperties()).filter((key) => key.startsWith(BUSY_PREFIX));

describe('two edits at once under the document lock', () => {
  let gate: GatedBackend | undefined;
  const gated = () => {
    if (gate === undefined) throw new Error('no gate');
    return gate;
  };
  beforeAll(async () => {
    // The add-on talks to the router through the gate, so a test decides when a request is answered.
    gate = await startGatedBackend(() => addon.routerUrl);
  });
  afterAll(async () => {
    await gate?.close();
  });

  const first = () => cellOf('ifca-cpu', 'cpu-hours', 'P3');
  const second = () => cellOf('ifca-gpu', 'gpu-hours', 'P3');

  /**
   * The first edit's trigger holds the lock, its request held at the gate; the second edit's trigger
   * is then waiting for the lock. Returns both edits, still running.
   */
  async function secondEditWhileFirstHoldsTheLock() {
    await addon.coordinatorSetsUp({ via: gated().url });
    const held = gated().holdNext('POST', ENTRIES);
    const posts = entriesPosts().length;
    const secondBefore = paintOf(second());
    const firstEdit = box().typeAs(IFCA, first().a1, '1,000');
    await held.arrived;
    const waiting = box().nextLockWait();
    const secondEdit = box().typeAs(IFCA, second().a1, '300');
    await waiting;
    return { held, posts, secondBefore, firstEdit, secondEdit };
  }

  it('makes the second edit wait for the lock, then sends and paints it after the first: nothing interleaves', async () => {
    const { held, posts, secondBefore, firstEdit, secondEdit } = await secondEditWhileFirstHoldsTheLock();
    // The second trigger has read its cell but paints nothing while the first one holds the lock.
    expect(paintOf(second())).toEqual(secondBefore);
    held.release();
    await Promise.all([firstEdit, secondEdit]);

    expect(sentCells(entriesPosts().slice(posts)).map((cells) => cells.map((cell) => cell.raw))).toEqual([
      ['1,000'],
      ['300'],
    ]);
    expect(await storedRaw('P3', 'ifca-cpu', 'cpu-hours')).toBe('1,000');
    expect(await storedRaw('P3', 'ifca-gpu', 'gpu-hours')).toBe('300');
    for (const cell of [first(), second()]) {
      expect([OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning]).toContain(paintOf(cell).background);
    }
  });

  it('queues an edit whose wait for the lock ran out, painted pending, and the lock holder sends it before letting go', async () => {
    const { held, firstEdit, secondEdit } = await secondEditWhileFirstHoldsTheLock();
    // The first request is slower than the second edit will wait: its wait runs out.
    expect(box().expireLockWaits()).toBe(1);
    await secondEdit;
    expect(paintOf(second())).toEqual({
      background: OUTCOME_COLOURS.pending,
      note: expect.stringMatching(
        /^Pending, will be sent.*another edit was being checked at the same moment/s,
      ),
    });
    expect(busyKeys()).not.toEqual([]);
    expect(await storedRaw('P3', 'ifca-gpu', 'gpu-hours')).not.toBe('300');

    held.release();
    await firstEdit;
    // Not dropped: stored and painted by the execution that held the lock, with nobody doing anything.
    expect(await storedRaw('P3', 'ifca-cpu', 'cpu-hours')).toBe('1,000');
    expect(await storedRaw('P3', 'ifca-gpu', 'gpu-hours')).toBe('300');
    expect([OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning]).toContain(paintOf(second()).background);
    expect(busyKeys()).toEqual([]);
    expect(addon.outboxItems()).toEqual([]);
  });

  it('keeps a queued edit through a backend failure of the lock holder; "Sync pending edits" stores both in typing order', async () => {
    const { held, posts, firstEdit, secondEdit } = await secondEditWhileFirstHoldsTheLock();
    expect(box().expireLockWaits()).toBe(1);
    await secondEdit;
    held.release({ status: 503, body: JSON.stringify({ code: 'unavailable', message: 'Try again later' }) });
    await firstEdit;
    expect(paintOf(first()).background).toBe(OUTCOME_COLOURS.pending);
    expect(paintOf(second()).background).toBe(OUTCOME_COLOURS.pending);

    // The coordinator syncs: the queued edits go out on their behalf, as the document trigger sent them.
    await box().run(COORDINATOR, 'menuSyncPending');
    expect(lastAlert()).toContain('2 of 2 pending edits sent');
    expect(lastAlert()).toContain('The outbox is empty');
    const sent = sentCells(entriesPosts().slice(posts)).flat();
    // The 503'd request, then the sync: the first edit before the second.
    expect(sent.map((cell) => cell.raw)).toEqual(['1,000', '1,000', '300']);
    expect(await storedRaw('P3', 'ifca-cpu', 'cpu-hours')).toBe('1,000');
    expect(await storedRaw('P3', 'ifca-gpu', 'gpu-hours')).toBe('300');
    expect(busyKeys()).toEqual([]);
    for (const cell of [first(), second()]) {
      expect([OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning]).toContain(paintOf(cell).background);
    }
  });
});

describe("a partner in the coordinator's menu items", () => {
  it('gets a sentence for each item that is not theirs, and nothing in the sheet, its triggers or settings changes', async () => {
    await addon.coordinatorSetsUp();
    const sheetBefore = JSON.stringify(await stack.readAll(addon.spreadsheetId));
    const propertiesBefore = box().documentProperties();
    const triggersBefore = box().triggers();
    const dialogsBefore = box().dialogs().length;
    const postsBefore = entriesPosts().length;

    const answers: Record<string, RegExp> = {
      menuSetUpSheet: /^The reporting sheet was not set up: .*coordinator/i,
      menuEnableLiveValidation: /^Only a coordinator of project "imagine" enables live validation/,
      menuComputeSummary: /^Only a coordinator of project "imagine" computes the summary.*is a partner/,
      menuDraftAssessments: /^Only a coordinator of project "imagine" drafts the assessments.*is a partner/,
      menuGenerateReport: /^Only a coordinator of project "imagine" generates the report.*is a partner/,
      menuValidateWholeSheet: /^Validate whole sheet sends every installation's rows.*use Validate my rows/,
    };
    for (const [menuItem, sentence] of Object.entries(answers)) {
      const alerts = box().alerts().length;
      await box().run(IFCA, menuItem);
      const said = box().alerts().slice(alerts);
      expect({ menuItem, said: said.map((alert) => alert.message) }).toEqual({
        menuItem,
        said: [expect.stringMatching(sentence)],
      });
      expect(said[0]?.user).toBe(IFCA);
      expect(said[0]?.message).not.toMatch(/\bat \w+ \(|Error:|TypeError|undefined/);
    }
    // A period picker opened earlier (say, before the coordinator changed roles) gets the API's sentence.
    expect(await box().run(IFCA, 'runPeriodAction', 'summary', 'PY1')).toMatchObject({ ok: false });
    expect(lastAlert()).toMatch(/^The summary was not computed: .*coordinator/i);
    expect(await box().run(IFCA, 'runPeriodAction', 'assessments', 'P2')).toMatchObject({ ok: false });
    expect(lastAlert()).toMatch(/^The assessments were not drafted: .*coordinator/i);

    expect(box().dialogs()).toHaveLength(dialogsBefore);
    expect(entriesPosts()).toHaveLength(postsBefore);
    expect(box().triggers()).toEqual(triggersBefore);
    expect(box().documentProperties()).toEqual(propertiesBefore);
    expect(JSON.stringify(await stack.readAll(addon.spreadsheetId))).toBe(sheetBefore);
  });

  it('"Validate my rows" sends and paints only the partner\'s own installations', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false });
    const own = cellOf('ifca-cpu', 'users', 'P3');
    const foreign = cellOf('incd-cpu', 'users', 'P3');
    // Typed where no trigger saw it (live validation is off): both differ from what is stored.
    for (const [cell, text] of [
      [own, '41'],
      [foreign, '42'],
    ] as const) {
      await stack.asCoordinator().spreadsheets.values.update({
        spreadsheetId: addon.spreadsheetId,
        range: cell.a1,
        valueInputOption: 'RAW',
        requestBody: { values: [[text]] },
      });
    }
    const sheet = stack.sheetsApi.model.get(addon.spreadsheetId);
    const rowsOf = (prefix: string) =>
      sheet
        .findMetadata({ metadataKey: ANCHOR_KEYS.entryRow })
        .filter((metadata) =>
          parseEntryRowValue(metadata.metadataValue ?? '')?.installationId.startsWith(prefix),
        )
        .map((metadata) => (metadata.location.kind === 'dimension' ? metadata.location.startIndex : -1));
    const columns = sheet
      .findMetadata({ metadataKey: ANCHOR_KEYS.periodColumn })
      .map((metadata) => (metadata.location.kind === 'dimension' ? metadata.location.startIndex : -1));
    const cellsOf = (prefix: string): ValueCellRef[] =>
      rowsOf(prefix).flatMap((row) =>
        columns.map((column) => ({ sheetId: own.sheetId, row, column, a1: `${row}/${column}` })),
      );
    const foreignBefore = cellsOf('incd-').map(paintOf);

    const posts = entriesPosts().length;
    await box().run(IFCA, 'menuValidateMyRows');
    const sent = sentCells(entriesPosts().slice(posts)).flat();
    expect(sent).toEqual([
      expect.objectContaining({ installationId: 'ifca-cpu', metricId: 'users', raw: '41' }),
    ]);
    expect(await storedRaw('P3', 'ifca-cpu', 'users')).toBe('41');
    expect(await storedRaw('P3', 'incd-cpu', 'users')).not.toBe('42');
    // Every cell of IFCA's rows now shows how it stands; INCD's rows are as they were.
    for (const paint of cellsOf('ifca-').map(paintOf)) {
      expect([
        OUTCOME_COLOURS.accepted,
        OUTCOME_COLOURS.warning,
        OUTCOME_COLOURS.rejected,
        // A cell nothing was typed in and nothing is stored for keeps its look.
        '#ffffff',
      ]).toContain(paint.background);
    }
    expect([OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning]).toContain(paintOf(own).background);
    expect(cellsOf('incd-').map(paintOf)).toEqual(foreignBefore);
  });
});

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
        /^someone@elsewhere\.example\.org is neither a coordinator nor a partner of "imagine"/,
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
