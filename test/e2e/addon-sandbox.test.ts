import { apiPaths, type HistoryItem } from '../../functions/contract/contract';
import { ANCHOR_KEYS, OUTCOME_COLOURS } from '../../functions/sheets/layout/anchors';
import { ASSESSMENT_TEXT_COLUMN } from '../../functions/sheets/layout/assessments-tab';
import { backgroundOf } from '../../local/apps-script/colours';
import { a1Of } from '../../sheets-addon/core/value-grid';
import type { PeriodDialogState, ProblemsView } from '../../sheets-addon/shared/ui-types';
import { COORDINATOR, IFCA, INCD } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';
import { fillPropertyStore, OUTBOX_FULL_LEFT_BYTES } from './support/property-filler';

/**
 * The live-validation edit path, end to end and offline: the add-on's BUNDLED code (npm run build:addon) runs in
 * the Apps Script sandbox over the same workbook model as the local Sheets API; its requests reach the
 * real router on DynamoDB Local in OIDC mode, with identity tokens signed by the tests' key.
 */
jest.setTimeout(120_000);

describe('the add-on in the Apps Script sandbox, end to end', () => {
  const addon = useAddonSandboxStack();
  const { stack, box, cellOf, paintOf, entriesPosts, outboxItems, lastAlert, current } = addon;
  const model = () => stack.sheetsApi.model;
  const stopBackend = () => addon.stopBackend();
  const backend = () => addon.startBackend();
  // Every test starts from the sheet a coordinator has set up, with live validation on.
  beforeEach(() => addon.coordinatorSetsUp());

  it('gives the coordinator the add-on menu once the sheet is set up', async () => {
    expect(
      box()
        .menu()
        .filter((item) => 'caption' in item)
        .map((item) => ('caption' in item ? item.caption : '')),
    ).toEqual([
      'Create project...',
      'Apply configuration',
      'Set up reporting sheet',
      'Enable live validation',
      'Who cannot work yet...',
      'Validate my rows',
      'Validate whole sheet',
      'Show problems',
      'Check completeness...',
      'Compute summary...',
      'Draft assessments...',
      'Generate report...',
      'Lock period...',
      'Reopen period...',
      'Amend locked cell...',
      'EC portal table...',
      'Confirm my figures...',
      'Remind partners...',
      'Sync pending edits',
      'Settings',
      'Help',
    ]);
  });

  it('keeps one trigger when live validation is enabled twice', async () => {
    await box().run(COORDINATOR, 'menuEnableLiveValidation');
    expect(box().triggers()).toHaveLength(1);
  });

  it('spends one UrlFetch and a handful of SpreadsheetApp calls on a keystroke, not one per anchored row', async () => {
    const hours = cellOf('ifca-cpu', 'cpu-hours', 'P3');
    box().host.resetServiceCallCounts();
    const postsBefore = entriesPosts().length;
    const typed = await box().typeAs(IFCA, hours.a1, '4.000.000');
    expect(typed.executions).toEqual([expect.not.objectContaining({ error: expect.anything() })]);
    // It was 108 calls before the add-on read only the anchors crossing the edited range;
    // bench:addon prints the exact figure.
    expect(entriesPosts().length - postsBefore).toBe(1);
    const spreadsheetCalls = Object.entries(box().host.serviceCallCounts())
      .filter(([name]) => /^(ss|sheet|range|metadata|protection)\./.test(name))
      .reduce((sum, [, count]) => sum + count, 0);
    expect(spreadsheetCalls).toBeGreaterThan(0);
    expect(spreadsheetCalls).toBeLessThanOrEqual(24);
  });

  it('accepts a partner\'s "4.000.000" hours with a note giving 4,000,000, the cell kept as typed', async () => {
    const hours = cellOf('ifca-cpu', 'cpu-hours', 'P3');
    await box().typeAs(IFCA, hours.a1, '4.000.000');
    const hoursPaint = paintOf(hours);
    expect([OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning]).toContain(hoursPaint.background);
    expect(hoursPaint.note).toContain('4,000,000');
    expect(addon.valueOf(hours)).toEqual({ stringValue: '4.000.000' });
  });

  it('rejects a partner\'s "SP" in a country list, painted red with a note suggesting ES', async () => {
    const countries = cellOf('ifca-cpu', 'countries', 'P3');
    await box().typeAs(IFCA, countries.a1, 'FR, SP');
    const countriesPaint = paintOf(countries);
    expect(countriesPaint.background).toBe(OUTCOME_COLOURS.rejected);
    expect(countriesPaint.note).toMatch(/\bES\b/);
  });

  it('lists a rejected cell under its installation in the problems sidebar', async () => {
    const countries = cellOf('ifca-cpu', 'countries', 'P3');
    await box().typeAs(IFCA, countries.a1, 'FR, SP');
    await box().run(IFCA, 'menuShowProblems');
    expect(box().dialogs().at(-1)).toMatchObject({ user: IFCA, kind: 'sidebar' });
    const problems = (await box().run(IFCA, 'sidebarProblems')) as ProblemsView;
    expect(problems.error).toBe('');
    expect(problems.totals.rejected).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(problems)).toContain(countries.a1.split('!')[1]);
  });

  it('makes no request for an edit outside the value cells', async () => {
    const before = box().fetches().length;
    await box().typeAs(COORDINATOR, 'Metrics!A1', 'a label');
    expect(box().fetches()).toHaveLength(before);
  });

  it('sends a pasted block of 20 cells (10 rows by 2 periods) in ONE request and paints 20 outcomes', async () => {
    // Ten IFCA rows (contiguous on the sheet the setup wrote) by P2 and P3: IFCA's own cells only.
    const ifcaRows = model()
      .get(addon.spreadsheetId)
      .findMetadata({ metadataKey: ANCHOR_KEYS.entryRow })
      .filter((metadata) => metadata.metadataValue?.startsWith('ifca-'))
      .map((metadata) => (metadata.location.kind === 'dimension' ? metadata.location.startIndex : -1))
      .sort((a, b) => a - b)
      .slice(0, 10);
    const firstRow = ifcaRows[0] ?? -1;
    expect(ifcaRows).toEqual(Array.from({ length: 10 }, (_, r) => firstRow + r));
    const corner = cellOf('ifca-cpu', 'cpu-hours', 'P2');
    expect(cellOf('ifca-cpu', 'cpu-hours', 'P3').column).toBe(corner.column + 1);
    const block = Array.from({ length: 10 }, (_, r) =>
      Array.from({ length: 2 }, (_, c) => String(100 * (r + 1) + c)),
    );
    const a1 = a1Of('Metrics', firstRow + 1, corner.column + 1);
    const posts = entriesPosts().length;
    await box().pasteAs(IFCA, a1, block);
    const sent = entriesPosts().slice(posts);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]?.body ?? '{}').cells).toHaveLength(20);
    const sheet = model().get(addon.spreadsheetId).sheetById(corner.sheetId);
    const painted = block.flatMap((line, r) =>
      line.map((_, c) => backgroundOf(sheet.getFormat(firstRow + r, corner.column + c))),
    );
    expect(painted).toHaveLength(20);
    for (const colour of painted) {
      expect([OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning, OUTCOME_COLOURS.rejected]).toContain(colour);
    }
  });

  it("refuses a partner's value in another partner's row once the protection is removed, recording both identities", async () => {
    const foreign = cellOf('incd-cpu', 'cpu-hours', 'P3');
    await expect(box().typeAs(IFCA, foreign.a1, '1000')).rejects.toThrow('protected cell');
    expect(box().unprotect(foreign.a1)).toBeGreaterThan(0);
    // As if IFCA shared the coordinator's Workspace, so that Apps Script names them (see the next
    // test for the default, where it names nobody).
    await box().typeAs(IFCA, foreign.a1, '1000', { reportEditor: true });
    const paint = paintOf(foreign);
    expect(paint.background).toBe(OUTCOME_COLOURS.rejected);
    expect(paint.note).toContain(`${IFCA} may not write installation "incd-cpu"`);
    const history = await stack.api.call('GET', apiPaths.history('imagine', 'incd-cpu', 'cpu-hours', 'P3'), {
      as: COORDINATOR,
    });
    expect(history.status).toBe(200);
    expect(history.body.items.at(-1)).toMatchObject({
      raw: '1000',
      status: 'rejected',
      editor: IFCA,
      submittedBy: COORDINATOR,
      via: 'document-trigger',
    });
  });

  it("partners at other institutions (Apps Script names no editor): stored, painted, and recorded as typed by one of the people who could, never as the trigger owner's act", async () => {
    const typed: [string, string, string][] = [
      [IFCA, 'ifca-gpu', '9'],
      [INCD, 'incd-cpu', '11'],
    ];
    for (const [partner, installationId, text] of typed) {
      const cell = cellOf(installationId, 'users', 'P3');
      await box().typeAs(partner, cell.a1, text);
      expect([OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning]).toContain(paintOf(cell).background);
    }
    const stored = await current('P3');
    for (const [partner, installationId, text] of typed) {
      expect(stored).toContainEqual(
        expect.objectContaining({ installationId, metricId: 'users', raw: text }),
      );
      const history = await stack.api.call(
        'GET',
        apiPaths.history('imagine', installationId, 'users', 'P3'),
        {
          as: COORDINATOR,
        },
      );
      expect(history.body.items.at(-1)).toMatchObject({
        raw: text,
        editor: null,
        possibleEditors: [COORDINATOR, partner],
        editorLabel: `one of ${COORDINATOR}, ${partner}`,
        submittedBy: COORDINATOR,
        via: 'document-trigger',
      });
      for (const item of history.body.items as HistoryItem[]) {
        expect(item.editor).not.toBe(COORDINATOR);
      }
    }
    // What the trigger's event carried: no e-mail at all for either partner.
    const posts = entriesPosts().slice(-2);
    for (const post of posts)
      expect(JSON.parse(post.body ?? '{}').actingFor).toEqual({
        editor: null,
        via: 'document-trigger',
      });
  });

  it('keeps three edits in the outbox while the backend is down and stores them in order with "Sync pending edits"', async () => {
    await stopBackend();
    const cells = [
      [cellOf('ifca-cpu', 'cpu-hours', 'P3'), '1,000'],
      [cellOf('ifca-cpu', 'users', 'P3'), '12'],
      [cellOf('ifca-gpu', 'gpu-hours', 'P3'), '300'],
    ] as const;
    for (const [cell, text] of cells) await box().typeAs(IFCA, cell.a1, text);
    for (const [cell] of cells) {
      expect(paintOf(cell).background).toBe(OUTCOME_COLOURS.pending);
      expect(paintOf(cell).note).toMatch(/^Pending, will be sent/);
    }
    expect(outboxItems().map((item) => item.submission.raw)).toEqual(['1,000', '12', '300']);

    await backend();
    const posts = entriesPosts().length;
    await box().run(COORDINATOR, 'menuSyncPending');
    expect(lastAlert()).toContain('The outbox is empty');
    expect(outboxItems()).toEqual([]);
    const sent = entriesPosts().slice(posts);
    expect(
      sent.flatMap((fetch) => JSON.parse(fetch.body ?? '{}').cells.map((cell: { raw: unknown }) => cell.raw)),
    ).toEqual(['1,000', '12', '300']);
    const stored = await current('P3');
    for (const [key, raw] of [
      ['ifca-cpu/cpu-hours', '1,000'],
      ['ifca-cpu/users', '12'],
      ['ifca-gpu/gpu-hours', '300'],
    ]) {
      expect(stored.find((entry) => `${entry.installationId}/${entry.metricId}` === key)).toMatchObject({
        raw,
      });
    }
    for (const [cell] of cells) expect(paintOf(cell).background).not.toBe(OUTCOME_COLOURS.pending);
    // One pass painted the box around the three: the cells between them, which had no outcome, got
    // no fill at all (an explicit white one would hide the sheet's own colours).
    const sheet = model().get(addon.spreadsheetId).sheetById(cells[0][0].sheetId);
    const rows = cells.map(([cell]) => cell.row);
    const column = cells[0][0].column;
    const between: number[] = [];
    for (let row = Math.min(...rows); row <= Math.max(...rows); row += 1) {
      if (!rows.includes(row)) between.push(row);
    }
    expect(between.length).toBeGreaterThan(0);
    for (const row of between) {
      const format = sheet.getFormat(row, column);
      expect({ row, fill: format?.backgroundColorStyle ?? format?.backgroundColor }).toEqual({
        row,
        fill: undefined,
      });
    }
  });

  it('loses nothing when the outbox is full: "Validate whole sheet" stores what the sheet holds', async () => {
    await stopBackend();
    // A long outage filled the document properties: nothing more fits in the outbox.
    fillPropertyStore(box().host.propertyStore('document', addon.spreadsheetId), OUTBOX_FULL_LEFT_BYTES);
    const cell = cellOf('ifca-storage', 'storage-tb-month', 'P3');
    await box().typeAs(IFCA, cell.a1, '7.5');
    expect(paintOf(cell).note).toContain('the outbox of pending edits is full');
    expect(outboxItems()).toEqual([]);

    await backend();
    await box().run(COORDINATOR, 'menuValidateWholeSheet');
    const stored = await current('P3');
    expect(
      stored.find(
        (entry) => entry.installationId === 'ifca-storage' && entry.metricId === 'storage-tb-month',
      ),
    ).toMatchObject({
      raw: '7.5',
    });
    expect([OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning]).toContain(paintOf(cell).background);
  });

  it('finds values written through the Sheets API (no trigger fired) with "Validate whole sheet"', async () => {
    const cell = cellOf('walton-cpu', 'cpu-hours', 'P3');
    const executions = box().executions().length;
    await stack.asCoordinator().spreadsheets.values.update({
      spreadsheetId: addon.spreadsheetId,
      range: cell.a1,
      valueInputOption: 'RAW',
      requestBody: { values: [['2500']] },
    });
    expect(box().executions()).toHaveLength(executions);
    const posts = entriesPosts().length;
    await box().run(COORDINATOR, 'menuValidateWholeSheet');
    const sent = entriesPosts()
      .slice(posts)
      .flatMap((fetch) => JSON.parse(fetch.body ?? '{}').cells);
    expect(sent).toEqual([
      expect.objectContaining({
        installationId: 'walton-cpu',
        metricId: 'cpu-hours',
        periodId: 'P3',
        raw: '2500',
      }),
    ]);
    const stored = await current('P3');
    expect(
      stored.find((entry) => entry.installationId === 'walton-cpu' && entry.metricId === 'cpu-hours'),
    ).toMatchObject({ raw: '2500' });
    expect([OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning]).toContain(paintOf(cell).background);
  });

  it('fills the Summary and Assessments tabs from the menu, keeping an assessment a person edited', async () => {
    await box().run(COORDINATOR, 'menuComputeSummary');
    expect(box().dialogs().at(-1)).toMatchObject({ kind: 'modal', title: 'Compute summary' });
    const state = (await box().run(COORDINATOR, 'periodDialogState', 'summary')) as PeriodDialogState;
    expect(state.error).toBe('');
    expect(state.choices.map((choice) => choice.id)).toContain('PY1');
    expect(await box().run(COORDINATOR, 'runPeriodAction', 'summary', 'PY1')).toMatchObject({ ok: true });
    const summary = await stack.tab(addon.spreadsheetId, 'summary');
    expect(summary.cells.flat().join(' ')).toMatch(/662,547|662547/);

    await box().run(COORDINATOR, 'menuDraftAssessments');
    expect(await box().run(COORDINATOR, 'runPeriodAction', 'assessments', 'P2')).toMatchObject({ ok: true });
    const assessments = await stack.tab(addon.spreadsheetId, 'assessments');
    const anchor = assessments.rowAnchors.find(
      (row) => row.key === ANCHOR_KEYS.assessmentRow && row.value === 'ifca-cpu/P2',
    );
    if (anchor === undefined) throw new Error('no assessment row for ifca-cpu/P2');
    const a1 = a1Of(assessments.title, anchor.index + 1, ASSESSMENT_TEXT_COLUMN + 1);
    const posts = box().fetches().length;
    await box().typeAs(COORDINATOR, a1, 'Written by a person: IFCA grew its CPU use.');
    // An edit outside the Metrics tab makes no request.
    expect(box().fetches()).toHaveLength(posts);
    expect(await box().run(COORDINATOR, 'runPeriodAction', 'assessments', 'P2')).toMatchObject({ ok: true });
    const again = await stack.tab(addon.spreadsheetId, 'assessments');
    expect(again.cells[anchor.index]?.[ASSESSMENT_TEXT_COLUMN]).toBe(
      'Written by a person: IFCA grew its CPU use.',
    );
  });
});
