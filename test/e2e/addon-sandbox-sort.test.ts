import { ANCHOR_KEYS, KEY_COLUMN_ID } from '../../functions/sheets/layout/anchors';
import { runSetUp } from '../../local/apps-script';
import { a1Of } from '../../sheets-addon/core/value-grid';
import { COORDINATOR, IFCA, INCD } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';

/**
 * A sort moves cells, not rows, their metadata or their protections (Google's
 * sortRange, as the workbook models it). Each row carries its key in a coordinator-only cell, so a
 * value typed after a sort is stored for the row the key cell names, and the next setup moves the
 * anchors and protections back to the key cells and says so.
 */
jest.setTimeout(120_000);

describe('the add-on after a coordinator sorts the Metrics tab by a value column', () => {
  const addon = useAddonSandboxStack();
  const { stack, box, current } = addon;
  const workbook = () => stack.sheetsApi.model.get(addon.spreadsheetId);
  const metricsSheet = () => {
    const sheet = workbook()
      .sheets()
      .find((candidate) => candidate.title === 'Metrics');
    if (sheet === undefined) throw new Error('no Metrics tab');
    return sheet;
  };
  const anchoredColumn = (key: string, value: string): number => {
    const found = workbook()
      .findMetadata({ metadataKey: key, metadataValue: value })
      .map((metadata) => (metadata.location.kind === 'dimension' ? metadata.location.startIndex : -1));
    if (found[0] === undefined) throw new Error(`no column anchored ${value}`);
    return found[0];
  };
  /** Row (0-based) → key, as the key cells say. */
  const keyCells = (): Map<number, string> => {
    const sheet = metricsSheet();
    const column = anchoredColumn(ANCHOR_KEYS.labelColumn, KEY_COLUMN_ID);
    const keys = new Map<number, string>();
    for (let row = 1; row < sheet.rowCount; row += 1) {
      const value = sheet.getValue(row, column);
      if (value !== undefined && 'stringValue' in value && value.stringValue.includes('/')) {
        keys.set(row, value.stringValue);
      }
    }
    return keys;
  };
  /** Row (0-based) → key, as the row metadata says. */
  const metadataRows = (): Map<number, string> =>
    new Map(
      workbook()
        .findMetadata({ metadataKey: ANCHOR_KEYS.entryRow })
        .map((metadata) => [
          metadata.location.kind === 'dimension' ? metadata.location.startIndex : -1,
          metadata.metadataValue ?? '',
        ]),
    );

  /** What the coordinator does in Google Sheets: sort the data rows by one column, largest first. */
  async function sortByColumnDescending(
    sheet: ReturnType<typeof metricsSheet>,
    column: number,
  ): Promise<void> {
    await stack.asCoordinator().spreadsheets.batchUpdate({
      spreadsheetId: addon.spreadsheetId,
      requestBody: {
        requests: [
          {
            sortRange: {
              range: { sheetId: sheet.sheetId, startRowIndex: 1, endRowIndex: sheet.rowCount },
              sortSpecs: [{ dimensionIndex: column, sortOrder: 'DESCENDING' }],
            },
          },
        ],
      },
    });
  }

  it('stores a partner edit of a moved value for the row its key cell names, and the next setup re-aligns protections and says so', async () => {
    await addon.coordinatorSetsUp();
    const sheet = metricsSheet();
    const p1 = anchoredColumn(ANCHOR_KEYS.periodColumn, 'P1');
    const p3 = anchoredColumn(ANCHOR_KEYS.periodColumn, 'P3');
    await sortByColumnDescending(sheet, p1);

    // An IFCA row the sort moved onto a row whose metadata (and protection) still says another of
    // IFCA's rows: the partner may type there, and the row's metadata names the wrong metric.
    const keys = keyCells();
    const anchors = metadataRows();
    const moved = [...keys].find(
      ([row, key]) =>
        key.startsWith('ifca-') &&
        anchors.get(row) !== key &&
        workbook().canEdit(IFCA, sheet.sheetId, row, p3),
    );
    if (moved === undefined) throw new Error('the sort left no IFCA row where IFCA may still type');
    const [row, key] = moved;
    const [installationId, metricId] = key.split('/');
    const a1 = a1Of('Metrics', row + 1, p3 + 1);
    const typed = await box().typeAs(IFCA, a1, '12');
    expect(typed.executions).toEqual([expect.not.objectContaining({ error: expect.anything() })]);

    const stored = (await current('P3')).filter((entry) => entry.raw === '12' || entry.raw === 12);
    expect(stored.map((entry) => `${entry.installationId}/${entry.metricId}`)).toEqual([
      `${installationId}/${metricId}`,
    ]);

    // Before setup the protections still sit where the rows were: partners' rights are off.
    const misplaced = (partner: string, prefix: string, rows: Map<number, string>) =>
      [...rows].filter(
        ([candidate, rowKey]) =>
          workbook().canEdit(partner, sheet.sheetId, candidate, p3) !== rowKey.startsWith(prefix),
      );
    expect(misplaced(IFCA, 'ifca-', keys).length).toBeGreaterThan(0);

    await runSetUp(box(), COORDINATOR);
    const said = box().alerts().at(-1)?.message ?? '';
    expect(said).toMatch(/\d+ rows of the Metrics tab had moved away from their anchors/);
    expect(said).toContain(key);
    const after = keyCells();
    expect(metadataRows()).toEqual(after);
    expect(misplaced(IFCA, 'ifca-', after)).toEqual([]);
    expect(misplaced(INCD, 'incd-', after)).toEqual([]);
  });

  it('"Validate whole sheet" moves anchors and protections back to the key cells and says so', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false });
    const sheet = metricsSheet();
    const p1 = anchoredColumn(ANCHOR_KEYS.periodColumn, 'P1');
    const p3 = anchoredColumn(ANCHOR_KEYS.periodColumn, 'P3');
    await sortByColumnDescending(sheet, p1);
    expect(metadataRows()).not.toEqual(keyCells());

    await box().run(COORDINATOR, 'menuValidateWholeSheet');
    expect(box().toasts().at(-1)?.message).toMatch(
      /\d+ rows had moved away from their anchors and protections \(a sort\): both follow their key cells again\./,
    );
    const after = keyCells();
    expect(metadataRows()).toEqual(after);
    const wrong = [...after].filter(
      ([row, key]) => workbook().canEdit(IFCA, sheet.sheetId, row, p3) !== key.startsWith('ifca-'),
    );
    expect(wrong).toEqual([]);
  });
});
