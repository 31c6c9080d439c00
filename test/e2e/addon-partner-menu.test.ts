import { ANCHOR_KEYS, OUTCOME_COLOURS, parseEntryRowValue } from '../../functions/sheets/layout/anchors';
import { IFCA } from '../integration/api/api-test-server';
import { useAddonSandboxStack, type ValueCellRef } from './support/addon-sandbox-stack';
import { sentCells, storedRawIn } from './support/entries-sent';

/**
 * What a partner meets in the coordinator's menu items, with the BUNDLED add-on in the Apps Script
 * sandbox against the real router: a sentence, and nothing changed; "Validate my rows" touches only
 * their own installations.
 */
jest.setTimeout(180_000);

const addon = useAddonSandboxStack();
const { stack, box, cellOf, paintOf, entriesPosts, lastAlert } = addon;
const storedRaw = storedRawIn(addon);

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
