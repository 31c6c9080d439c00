import type { Browser } from 'playwright-core';
import { OUTCOME_COLOURS } from '../../functions/sheets/layout/anchors';
import { a1Of } from '../../sheets-addon/core/value-grid';
import { COORDINATOR, IFCA, INCD } from '../integration/api/api-test-server';
import { launchChromium } from '../support/chromium';
import { useAddonSandboxStack, type ValueCellRef } from './support/addon-sandbox-stack';
import { sentBodies } from './support/entries-sent';
import { type GateDecision, type GatedBackend, startGatedBackend } from './support/gated-backend';
import { openServedPage } from './support/script-run-bridge';

/**
 * The edit path's bad cases, with the BUNDLED add-on in the Apps Script sandbox against the real
 * router: an answer lost after the router stored the edit, a partner's "Sync pending edits", formulas
 * and oversized text typed by a partner, and the sidebar's counts.
 */
jest.setTimeout(180_000);

const ENTRIES = /\/entries$/;

const addon = useAddonSandboxStack();
const { box, cellOf, paintOf, entriesPosts, outboxItems, lastAlert, history: historyOf } = addon;

describe('the backend goes down in the middle of an edit: stored, but the answer never arrives', () => {
  let gate: GatedBackend | undefined;
  beforeAll(async () => {
    gate = await startGatedBackend(() => addon.routerUrl);
  });
  afterAll(async () => {
    await gate?.close();
  });

  const lost: [string, GateDecision][] = [
    ['the connection drops', { afterRouter: 'drop' }],
    [
      'a proxy answers 503',
      {
        afterRouter: {
          status: 503,
          body: JSON.stringify({ code: 'unavailable', message: 'Try again later' }),
        },
      },
    ],
  ];

  it.each(lost)(
    '%s: pending, then "Sync pending edits" stores it ONCE and paints its real outcome',
    async (_, decision) => {
      if (gate === undefined) throw new Error('no gate');
      await addon.coordinatorSetsUp({ via: gate.url });
      const cell = cellOf('ifca-cpu', 'cpu-hours', 'P3');
      const versionsBefore = (await historyOf('ifca-cpu', 'cpu-hours', 'P3')).length;
      const held = gate.holdNext('POST', ENTRIES);
      const posts = entriesPosts().length;
      const edit = box().typeAs(IFCA, cell.a1, '1,234');
      await held.arrived;
      held.release(decision);
      expect(await held.routerAnswered).toBe(200);
      await edit;

      // The router stored it; the add-on could not know.
      expect((await historyOf('ifca-cpu', 'cpu-hours', 'P3')).length).toBe(versionsBefore + 1);
      expect(paintOf(cell)).toEqual({
        background: OUTCOME_COLOURS.pending,
        note: expect.stringMatching(/^Pending, will be sent/),
      });
      expect(outboxItems().map((item) => item.submission.raw)).toEqual(['1,234']);

      await box().run(COORDINATOR, 'menuSyncPending');
      expect(lastAlert()).toContain('1 of 1 pending edits sent');
      expect(lastAlert()).toContain('The outbox is empty');
      const history = await historyOf('ifca-cpu', 'cpu-hours', 'P3');
      expect(history).toHaveLength(versionsBefore + 1);
      // IFCA is outside the coordinator's Workspace: Apps Script named nobody, so the history names who
      // alone could have typed there, never the coordinator who owns the trigger.
      expect(history.at(-1)).toMatchObject({
        raw: '1,234',
        editor: null,
        possibleEditors: [COORDINATOR, IFCA],
        editorLabel: `one of ${COORDINATOR}, ${IFCA}`,
        submittedBy: COORDINATOR,
      });
      const sent = sentBodies(entriesPosts().slice(posts));
      expect(sent).toHaveLength(2);
      // The resend is the lost request again, under the same requestId: a replay, not a second version.
      expect(sent[1]?.requestId).toBe(sent[0]?.requestId);
      expect(sent[1]?.cells).toEqual(sent[0]?.cells);
      const paint = paintOf(cell);
      expect([OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning]).toContain(paint.background);
      expect(paint.note).toContain('1,234');
      expect(outboxItems()).toEqual([]);
    },
  );
});

describe('"Sync pending edits" run by a partner', () => {
  it("sends the partner's own queued edits under their own name, leaves the others for a coordinator, and says how many", async () => {
    await addon.coordinatorSetsUp();
    await addon.stopBackend();
    // As if the partners shared the coordinator's Workspace: Apps Script names them (by default it
    // would not, they are at other institutions).
    const named = { reportEditor: true };
    const typed: [string, ValueCellRef, string, { reportEditor?: boolean }][] = [
      [IFCA, cellOf('ifca-cpu', 'users', 'P3'), '41', named],
      [INCD, cellOf('incd-cpu', 'users', 'P3'), '42', named],
      [IFCA, cellOf('ifca-gpu', 'users', 'P3'), '43', named],
      // Apps Script reported no editor: only a coordinator may vouch for it.
      [IFCA, cellOf('ifca-storage', 'users', 'P3'), '44', { reportEditor: false }],
    ];
    for (const [who, cell, text, options] of typed) await box().typeAs(who, cell.a1, text, options);
    expect(outboxItems().map((item) => item.submission.raw)).toEqual(['41', '42', '43', '44']);
    await addon.startBackend();

    const posts = entriesPosts().length;
    await box().run(IFCA, 'menuSyncPending');
    const said = lastAlert();
    expect(said).toContain('2 of your 2 pending edits sent');
    expect(said).toContain(
      '2 pending edits typed by someone else (or with no recorded editor) wait for a coordinator',
    );
    const sent = sentBodies(entriesPosts().slice(posts));
    expect(sent.map((body) => body.cells.map((cell) => cell.raw))).toEqual([['41'], ['43']]);
    for (const body of sent) expect(body.actingFor).toBeUndefined();
    expect((await historyOf('ifca-cpu', 'users', 'P3')).at(-1)).toMatchObject({
      raw: '41',
      editor: IFCA,
      submittedBy: IFCA,
      via: 'direct',
    });
    for (const [, cell] of [typed[0], typed[2]].flatMap((entry) => (entry === undefined ? [] : [entry]))) {
      expect([OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning]).toContain(paintOf(cell).background);
    }
    // INCD's edit and the one without an editor wait, still grey, in typing order.
    expect(outboxItems().map((item) => item.submission.raw)).toEqual(['42', '44']);
    for (const [, cell] of [typed[1], typed[3]].flatMap((entry) => (entry === undefined ? [] : [entry]))) {
      expect(paintOf(cell).background).toBe(OUTCOME_COLOURS.pending);
    }

    await box().run(COORDINATOR, 'menuSyncPending');
    expect(lastAlert()).toContain('2 of 2 pending edits sent');
    expect(lastAlert()).toContain('The outbox is empty');
    expect((await historyOf('incd-cpu', 'users', 'P3')).at(-1)).toMatchObject({
      raw: '42',
      editor: INCD,
      submittedBy: COORDINATOR,
      via: 'document-trigger',
    });
    expect((await historyOf('ifca-storage', 'users', 'P3')).at(-1)).toMatchObject({
      raw: '44',
      editor: null,
    });
  });

  it('tells a partner with nothing of their own queued that the edits wait for a coordinator, sending nothing', async () => {
    await addon.coordinatorSetsUp();
    await addon.stopBackend();
    await box().typeAs(INCD, cellOf('incd-cpu', 'users', 'P3').a1, '42');
    await addon.startBackend();
    const posts = entriesPosts().length;
    await box().run(IFCA, 'menuSyncPending');
    expect(lastAlert()).toBe(
      "0 of your 0 pending edits sent (0 rejected, 0 with a warning). 1 pending edit typed by someone else (or with no recorded editor) waits for a coordinator's Sync pending edits or the next edit live validation checks.",
    );
    expect(entriesPosts()).toHaveLength(posts);
    expect(outboxItems()).toHaveLength(1);
  });
});

describe('what a partner types that the API cannot take as a value', () => {
  it('keeps formulas as typed, paints them red and quotes them in the note as text', async () => {
    await addon.coordinatorSetsUp();
    const typed: [ValueCellRef, string][] = [
      [cellOf('ifca-cpu', 'cpu-hours', 'P3'), '=IMPORTXML("https://evil.example.org/x","//a")'],
      [cellOf('ifca-cpu', 'countries', 'P3'), '=HYPERLINK("https://evil.example.org","ES")'],
      [cellOf('ifca-cpu', 'users', 'P3'), '@x'],
    ];
    for (const [cell, text] of typed) {
      await box().typeAs(IFCA, cell.a1, text);
      // The value cells are plain text: what was typed stays, never evaluated, never rewritten.
      expect(addon.valueOf(cell)).toEqual({ stringValue: text });
      const paint = paintOf(cell);
      expect({ text, background: paint.background }).toEqual({ text, background: OUTCOME_COLOURS.rejected });
      expect(paint.note).toContain(`Read: "${text}"`);
    }
    expect(paintOf(typed[0]?.[0] as ValueCellRef).note).toMatch(/formula/i);
    expect(paintOf(typed[1]?.[0] as ValueCellRef).note).toMatch(/formula/i);
    // In a plain-text cell "+12" is no formula: a signed number, stored as 12 (P2 had 16 users).
    const plus = cellOf('ifca-gpu', 'users', 'P3');
    await box().typeAs(IFCA, plus.a1, '+12');
    expect(addon.valueOf(plus)).toEqual({ stringValue: '+12' });
    expect(paintOf(plus)).toEqual({
      background: OUTCOME_COLOURS.accepted,
      note: expect.stringContaining('Stored as 12.'),
    });
  });

  it('cannot be handed a text above 50,000 characters: the sheet refuses it, as Google Sheets does', async () => {
    await addon.coordinatorSetsUp();
    const cell = cellOf('ifca-cpu', 'cpu-hours', 'P3');
    const a1 = a1Of('Metrics', cell.row + 1, cell.column + 1);
    const posts = entriesPosts().length;
    await expect(box().typeAs(IFCA, a1, 'x'.repeat(60_000))).rejects.toThrow(
      /more than the maximum of 50000 characters/,
    );
    // Nothing was written and nothing was sent; the add-on's own length guard is unit-tested
    // (test/unit/addon/cell-limits.test.ts) for a platform that would let one through.
    expect(addon.valueOf(cell)).toBeUndefined();
    expect(entriesPosts().length).toBe(posts);
  });
});

describe('the problems sidebar', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows no "0 rejected" or "0 warnings" badge: only the counts there is something behind', async () => {
    await addon.coordinatorSetsUp();
    await addon.stopBackend();
    await box().typeAs(IFCA, cellOf('ifca-cpu', 'users', 'P3').a1, '41');
    const dialogs = box().dialogs().length;
    await box().run(IFCA, 'menuShowProblems');
    const dialog = box().dialogs()[dialogs];
    if (dialog === undefined || browser === undefined) throw new Error('no sidebar');
    const page = await openServedPage(
      browser,
      dialog.content,
      (fnName, args) => box().run(IFCA, fnName, ...args),
      { width: 300, height: 600 },
    );
    await page.locator('#problems li').first().waitFor();
    // Set up painted the example's 12 stored warnings; nothing is rejected, so no rejected badge.
    await expect(page.locator('#totals > *').allTextContents()).resolves.toEqual([
      '12 warnings',
      '1 edit waiting to be sent',
    ]);
    await expect(page.locator('#totals .pill.rejected').count()).resolves.toBe(0);
    await page.close();
  });
});
