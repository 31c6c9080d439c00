import { apiPaths, type SheetWriteBackResponse } from '../../../functions/contract/contract';
import { ANCHOR_KEYS, KEY_COLUMN_ID } from '../../../functions/sheets/layout/anchors';
import { editorList } from '../../../functions/sheets/layout/protection';
import {
  columnsByAnchor,
  rowsByAnchor,
  type TabSnapshot,
} from '../../../functions/sheets/layout/sheet-snapshot';
import { LOCAL_SERVICE_ACCOUNT_EMAIL, localSheetsClient } from '../../../local/sheets-api';
import { COORDINATOR, EXAMPLE } from '../api/api-test-server';
import { proveAndBind, useSheetsStack } from './sheets-test-stack';

const PARTNERS = [...new Set(EXAMPLE.config.installations.flatMap((installation) => installation.editors))];
const IFCA = 'partner@ifca.example.org';

/** Who the configuration says may edit each installation's value cells. */
const configEditors = (installationId: string): string[] => {
  const installation = EXAMPLE.config.installations.find((item) => item.id === installationId);
  return editorList(installation?.editors ?? [], EXAMPLE.config.project.coordinators, [
    LOCAL_SERVICE_ACCOUNT_EMAIL,
  ]);
};

/** Row → "<installationId>/<metricId>" as the key cells say now. */
function keyCells(tab: TabSnapshot): Map<number, string> {
  const column = columnsByAnchor(tab, ANCHOR_KEYS.labelColumn).get(KEY_COLUMN_ID) ?? -1;
  const keys = new Map<number, string>();
  tab.cells.forEach((line, row) => {
    const key = line[column] ?? '';
    if (row > 0 && key.includes('/')) keys.set(row, key);
  });
  return keys;
}

const periodColumns = (tab: TabSnapshot): number[] => [
  ...columnsByAnchor(tab, ANCHOR_KEYS.periodColumn).values(),
];

describe('setup after rows moved under their anchors and protections', () => {
  const stack = useSheetsStack();

  /** The example set up on a spreadsheet every partner may edit (protections decide where). */
  async function setUpShared(): Promise<string> {
    await stack.api.seedExample();
    const id = stack.sheetsApi.createSpreadsheet({
      title: 'iMagine VA metrics',
      owner: COORDINATOR,
      sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL, ...PARTNERS],
    });
    // The coordinator proves they can edit it (the binding challenge) before it is bound.
    const bound = await proveAndBind(
      stack.api,
      localSheetsClient(stack.sheetsApi.rootUrl, COORDINATOR),
      id,
      COORDINATOR,
    );
    expect(bound.status).toBe(200);
    const setup = await stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR });
    expect(setup.status).toBe(200);
    expect(setup.body.realigned).toEqual([]);
    return id;
  }

  const setup = () => stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR });

  /** Whether `email` may type into (row, column) of the Metrics tab: the workbook's own check. */
  const canEdit = (id: string, tab: TabSnapshot, email: string, row: number, column: number) =>
    stack.sheetsApi.model.get(id).canEdit(email, tab.sheetId, row, column);

  /**
   * Every partner may edit exactly the value cells of the rows whose key cell names one of their
   * installations, and no key cell; every range of ours lists exactly the configuration's editors.
   */
  async function expectProtectionsFromConfig(id: string): Promise<void> {
    const tab = await stack.tab(id, 'metrics');
    for (const range of tab.protectedRanges) {
      const description = range.description ?? '';
      if (!description.startsWith('va-assess:')) continue;
      const installationId = description.startsWith('va-assess:installation:')
        ? description.slice('va-assess:installation:'.length)
        : '';
      expect([description, editorList(range.editors?.users ?? [])]).toEqual([
        description,
        configEditors(installationId),
      ]);
    }
    const keyColumn = columnsByAnchor(tab, ANCHOR_KEYS.labelColumn).get(KEY_COLUMN_ID) ?? -1;
    const keys = keyCells(tab);
    expect(keys.size).toBe(EXAMPLE.config.installations.flatMap((item) => item.metrics).length);
    const mismatches: string[] = [];
    for (const partner of PARTNERS) {
      for (const [row, key] of keys) {
        const installationId = key.split('/')[0] ?? '';
        const own = configEditors(installationId).includes(partner);
        for (const column of periodColumns(tab)) {
          if (canEdit(id, tab, partner, row, column) !== own)
            mismatches.push(`${partner} ${key} col ${column}`);
        }
        if (canEdit(id, tab, partner, row, keyColumn))
          mismatches.push(`${partner} may edit the key of ${key}`);
      }
    }
    expect(mismatches).toEqual([]);
  }

  it('re-aligns anchors and protections with the key cells after a coordinator sorts by a value column, and says what it moved', async () => {
    const id = await setUpShared();
    const tab = await stack.tab(id, 'metrics');
    const p1 = columnsByAnchor(tab, ANCHOR_KEYS.periodColumn).get('P1') ?? -1;
    await stack.asCoordinator().spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            sortRange: {
              range: { sheetId: tab.sheetId, startRowIndex: 1, endRowIndex: tab.rowCount },
              sortSpecs: [{ dimensionIndex: p1, sortOrder: 'DESCENDING' }],
            },
          },
        ],
      },
    });
    const sorted = await stack.tab(id, 'metrics');
    // The sort moved cells, not rows: the anchors and the protections now name other rows' values.
    const ifcaRow = [...keyCells(sorted)].find(([, key]) => key === 'ifca-cpu/cpu-hours')?.[0] ?? -1;
    expect(rowsByAnchor(sorted, ANCHOR_KEYS.entryRow).get('ifca-cpu/cpu-hours')).not.toBe(ifcaRow);
    expect(canEdit(id, sorted, IFCA, ifcaRow, p1)).toBe(false);

    const answer = await setup();
    expect(answer.status).toBe(200);
    const { realigned = [], notices = [] } = answer.body as SheetWriteBackResponse;
    expect(realigned).toContainEqual(
      expect.objectContaining({ key: 'ifca-cpu/cpu-hours', toRow: ifcaRow + 1 }),
    );
    expect(notices.join(' ')).toContain(`${realigned.length} rows of the Metrics tab`);

    const after = await stack.tab(id, 'metrics');
    for (const [row, key] of keyCells(after))
      expect(rowsByAnchor(after, ANCHOR_KEYS.entryRow).get(key)).toBe(row);
    expect(canEdit(id, after, IFCA, ifcaRow, p1)).toBe(true);
    await expectProtectionsFromConfig(id);
    // Realigned once: the next setup finds nothing to move.
    expect((await setup()).body).toMatchObject({ realigned: [], batchUpdates: 0 });
  });

  it("restores exactly the configuration's editors after a partner swaps two rows' anchors and adds themselves to ranges", async () => {
    const id = await setUpShared();
    const tab = await stack.tab(id, 'metrics');
    const anchors = tab.rowAnchors.filter((anchor) => anchor.key === ANCHOR_KEYS.entryRow);
    const ifca = anchors.find((anchor) => anchor.value === 'ifca-cpu/cpu-hours');
    const incd = anchors.find((anchor) => anchor.value.startsWith('incd-'));
    if (ifca === undefined || incd === undefined) throw new Error('the example has no IFCA or INCD row');
    const swap = (metadataId: number, value: string) => ({
      updateDeveloperMetadata: {
        dataFilters: [{ developerMetadataLookup: { metadataId } }],
        developerMetadata: { metadataValue: value },
        fields: 'metadataValue',
      },
    });
    // Partners are editors of the spreadsheet: their own API access may rewrite its metadata.
    await localSheetsClient(stack.sheetsApi.rootUrl, IFCA).spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [swap(ifca.metadataId, incd.value), swap(incd.metadataId, ifca.value)] },
    });
    // And a coordinator's slip (or a script) lists the IFCA partner on every range of ours: the old
    // comparison took an address present in every range for the owner and never removed it.
    const ours = tab.protectedRanges.filter((range) => (range.description ?? '').startsWith('va-assess:'));
    await stack.asCoordinator().spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: ours.map((range) => ({
          updateProtectedRange: {
            protectedRange: {
              protectedRangeId: range.protectedRangeId,
              editors: { users: [...(range.editors?.users ?? []), IFCA] },
            },
            fields: 'editors',
          },
        })),
      },
    });

    // Write-backs do not read Metrics rows or touch their protections.
    const before = (await stack.tab(id, 'metrics')).protectedRanges;
    for (const path of [
      apiPaths.sheetSummary('imagine', 'PY1'),
      apiPaths.sheetAssessments('imagine', 'PY1'),
    ]) {
      expect((await stack.api.call('POST', path, { as: COORDINATOR })).status).toBe(200);
    }
    expect((await stack.tab(id, 'metrics')).protectedRanges).toEqual(before);

    const answer = await setup();
    expect(answer.status).toBe(200);
    expect(answer.body.realigned).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: ifca.value, fromRow: incd.index + 1, toRow: ifca.index + 1 }),
        expect.objectContaining({ key: incd.value, fromRow: ifca.index + 1, toRow: incd.index + 1 }),
      ]),
    );
    await expectProtectionsFromConfig(id);
  });

  it('takes the key and period columns from their header cells when a partner swaps their column anchors', async () => {
    const id = await setUpShared();
    const tab = await stack.tab(id, 'metrics');
    const anchorOf = (key: string, value: string) =>
      tab.columnAnchors.find((anchor) => anchor.key === key && anchor.value === value);
    const keyAnchor = anchorOf(ANCHOR_KEYS.labelColumn, KEY_COLUMN_ID);
    const p3Anchor = anchorOf(ANCHOR_KEYS.periodColumn, 'P3');
    if (keyAnchor === undefined || p3Anchor === undefined) throw new Error('no key or P3 column anchor');
    const rewrite = (metadataId: number, metadataKey: string, metadataValue: string) => ({
      updateDeveloperMetadata: {
        dataFilters: [{ developerMetadataLookup: { metadataId } }],
        developerMetadata: { metadataKey, metadataValue },
        fields: 'metadataKey,metadataValue',
      },
    });
    // Were metadata believed, P3 would be read as the keys and the key column opened to partners.
    await localSheetsClient(stack.sheetsApi.rootUrl, IFCA).spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          rewrite(keyAnchor.metadataId, ANCHOR_KEYS.periodColumn, 'P3'),
          rewrite(p3Anchor.metadataId, ANCHOR_KEYS.labelColumn, KEY_COLUMN_ID),
        ],
      },
    });

    const answer = await setup();
    expect(answer.status).toBe(200);
    expect(answer.body.realigned).toEqual([]);
    const after = await stack.tab(id, 'metrics');
    expect(columnsByAnchor(after, ANCHOR_KEYS.labelColumn).get(KEY_COLUMN_ID)).toBe(keyAnchor.index);
    expect(columnsByAnchor(after, ANCHOR_KEYS.periodColumn).get('P3')).toBe(p3Anchor.index);
    await expectProtectionsFromConfig(id);
  });

  it("answers a person's whole-sheet protection of the Metrics tab with what to do, then works beside it", async () => {
    const id = await setUpShared();
    const tab = await stack.tab(id, 'metrics');
    const ours = tab.protectedRanges.filter((range) => (range.description ?? '').startsWith('va-assess:'));
    // Google allows one whole-sheet protection per sheet: a person's takes the place of ours.
    await stack.asCoordinator().spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          ...ours.map((range) => ({ deleteProtectedRange: { protectedRangeId: range.protectedRangeId } })),
          {
            addProtectedRange: {
              protectedRange: {
                description: 'keep out',
                range: { sheetId: tab.sheetId },
                editors: { users: [COORDINATOR] },
              },
            },
          },
        ],
      },
    });

    // Without the service account among its editors, Google would refuse every change to the tab.
    const refused = await setup();
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'sheet-protected-by-person' });
    expect(refused.body.message).toContain(
      `does not list the service account ${LOCAL_SERVICE_ACCOUNT_EMAIL} among its editors`,
    );
    expect(refused.body.message).toContain(
      `add ${LOCAL_SERVICE_ACCOUNT_EMAIL} to its editors (or remove it)`,
    );
    const person = (await stack.tab(id, 'metrics')).protectedRanges.find(
      (range) => range.description === 'keep out',
    );
    await stack.asCoordinator().spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateProtectedRange: {
              protectedRange: {
                protectedRangeId: person?.protectedRangeId,
                editors: { users: [COORDINATOR, LOCAL_SERVICE_ACCOUNT_EMAIL] },
              },
              fields: 'editors',
            },
          },
        ],
      },
    });

    const answer = await setup();
    expect(answer.status).toBe(200);
    expect((answer.body.notices as string[]).join(' ')).toContain(
      'The Metrics tab has a whole-sheet protection set by a person ("keep out")',
    );
    const after = await stack.tab(id, 'metrics');
    const wholeSheet = after.protectedRanges.filter(
      (range) => Object.keys(range.range ?? {}).filter((field) => field !== 'sheetId').length === 0,
    );
    expect(wholeSheet.map((range) => range.description)).toEqual(['keep out']);
    // Ours beside it: the key column and labels are coordinators' alone, the value cells the installations'.
    const keyColumn = columnsByAnchor(after, ANCHOR_KEYS.labelColumn).get(KEY_COLUMN_ID) ?? -1;
    const covering = after.protectedRanges.filter(
      (range) =>
        range.description === 'va-assess:tab:metrics' &&
        (range.range?.startColumnIndex ?? 0) <= keyColumn &&
        keyColumn < (range.range?.endColumnIndex ?? Number.POSITIVE_INFINITY) &&
        (range.range?.startRowIndex ?? 0) <= 1 &&
        1 < (range.range?.endRowIndex ?? Number.POSITIVE_INFINITY),
    );
    expect(covering).toHaveLength(1);
    expect(
      after.protectedRanges.some((range) => range.description === 'va-assess:installation:ifca-cpu'),
    ).toBe(true);
    // Nothing more to do on the next setup, the person's protection still there.
    expect((await setup()).body).toMatchObject({ batchUpdates: 0 });
  });
});
