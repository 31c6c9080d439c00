import { apiPaths, type EntriesResponse } from '../../../functions/contract/contract';
import { ANCHOR_KEYS, OUTCOME_COLOURS } from '../../../functions/sheets/layout/anchors';
import { paintForOutcome } from '../../../functions/sheets/layout/outcome-paint';
import { RETIRED_LABEL_BACKGROUND, RETIRED_NOTE } from '../../../functions/sheets/layout/retired-rows';
import {
  cellPaint,
  columnsByAnchor,
  rowsByAnchor,
  type TabSnapshot,
} from '../../../functions/sheets/layout/sheet-snapshot';
import { metricsValues } from '../../support/metrics-values';
import { COORDINATOR, EXAMPLE } from '../api/api-test-server';
import { useSheetsStack } from './sheets-test-stack';

type Config = { installations: Record<string, unknown>[] };

function at(tab: TabSnapshot, anchor: string, periodId: string): { row: number; column: number } {
  const row = rowsByAnchor(tab, ANCHOR_KEYS.entryRow).get(anchor);
  const column = columnsByAnchor(tab, ANCHOR_KEYS.periodColumn).get(periodId);
  if (row === undefined || column === undefined) throw new Error(`no cell for ${anchor} ${periodId}`);
  return { row, column };
}

const rowsOf = (tab: TabSnapshot, installationId: string): number[] =>
  [...rowsByAnchor(tab, ANCHOR_KEYS.entryRow)]
    .filter(([anchor]) => anchor.startsWith(`${installationId}/`))
    .map(([, row]) => row)
    .sort((a, b) => a - b);

describe('what a partner sees after setup', () => {
  const stack = useSheetsStack();

  const setup = async () => {
    const answer = await stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR });
    expect(answer.status).toBe(200);
    return answer;
  };
  const putConfig = async (body: Config) => {
    const put = await stack.api.call('PUT', apiPaths.config('imagine'), { as: COORDINATOR, body });
    expect(put.status).toBe(200);
  };
  /** What the add-on gets back (and paints) when this cell is typed live. */
  const liveOutcome = async (installationId: string, metricId: string, periodId: string) => {
    const batch = EXAMPLE.entryBatches.find((candidate) =>
      candidate.cells.some((cell) => cell.periodId === periodId),
    );
    const cell = batch?.cells.find(
      (candidate) => candidate.installationId === installationId && candidate.metricId === metricId,
    );
    if (batch === undefined || cell === undefined) throw new Error('no such example cell');
    const posted = await stack.api.call('POST', apiPaths.entries('imagine'), {
      as: COORDINATOR,
      body: { ...batch, cells: [cell] },
    });
    expect(posted.status).toBe(200);
    const [outcome] = (posted.body as EntriesResponse).outcomes;
    if (outcome === undefined) throw new Error('no outcome');
    return { outcome, raw: cell.raw };
  };
  const setCell = (tab: TabSnapshot, row: number, column: number, cell: object, fields: string) =>
    stack.asCoordinator().spreadsheets.batchUpdate({
      spreadsheetId: currentId,
      requestBody: {
        requests: [
          {
            updateCells: {
              start: { sheetId: tab.sheetId, rowIndex: row, columnIndex: column },
              rows: [{ values: [cell] }],
              fields,
            },
          },
        ],
      },
    });
  let currentId = '';

  it('paints the "N/A" country list amber with the note of a live edit, an accepted value green', async () => {
    await stack.api.seedExample();
    currentId = await stack.bindNewSpreadsheet();
    await setup();
    const metrics = await stack.tab(currentId, 'metrics');

    const na = at(metrics, 'ai-as-a-service/countries', 'P1');
    expect(metrics.cells[na.row]?.[na.column]).toBe('N/A');
    const live = await liveOutcome('ai-as-a-service', 'countries', 'P1');
    expect(live.outcome.status).toBe('warning');
    expect(cellPaint(metrics, na.row, na.column)).toEqual({
      background: OUTCOME_COLOURS.warning,
      note: paintForOutcome(live.outcome, live.raw).note,
    });
    expect(cellPaint(metrics, na.row, na.column).note).toMatch(
      /^Stored as .*, with a warning\.\nRead: "N\/A"/,
    );

    const models = at(metrics, 'ai-development/models-developed', 'P1');
    const accepted = await liveOutcome('ai-development', 'models-developed', 'P1');
    expect(accepted.outcome.status).toBe('accepted');
    expect(cellPaint(metrics, models.row, models.column)).toEqual({
      background: OUTCOME_COLOURS.accepted,
      note: paintForOutcome(accepted.outcome, accepted.raw).note,
    });
  });

  it("repaints a stored value nobody painted, and leaves a person's differing text exactly as it is", async () => {
    await stack.api.seedExample();
    currentId = await stack.bindNewSpreadsheet();
    await setup();
    const metrics = await stack.tab(currentId, 'metrics');
    const na = at(metrics, 'ai-as-a-service/countries', 'P1');
    const models = at(metrics, 'ai-development/models-developed', 'P1');
    // A person types over the amber cell (its colour and note stay, as in Google Sheets); another
    // cell loses its colour and note (a paste of plain values, say).
    await setCell(
      metrics,
      na.row,
      na.column,
      { userEnteredValue: { stringValue: 'ES, FR' } },
      'userEnteredValue',
    );
    await setCell(
      metrics,
      models.row,
      models.column,
      {},
      'note,userEnteredFormat.backgroundColor,userEnteredFormat.backgroundColorStyle',
    );
    const before = await stack.readAll(currentId);
    const rawCell = (spreadsheet: typeof before, row: number, column: number) =>
      spreadsheet.sheets?.find((sheet) => sheet.properties?.sheetId === metrics.sheetId)?.data?.[0]
        ?.rowData?.[row]?.values?.[column];
    expect(rawCell(before, models.row, models.column)?.note).toBeUndefined();

    stack.sheetsApi.resetCounts();
    const again = await setup();
    expect(again.body).toMatchObject({ batchUpdates: 1 });
    const after = await stack.readAll(currentId);
    expect(rawCell(after, na.row, na.column)).toEqual(rawCell(before, na.row, na.column));
    expect(rawCell(after, na.row, na.column)?.userEnteredValue).toEqual({ stringValue: 'ES, FR' });
    const repainted = await stack.tab(currentId, 'metrics');
    expect(cellPaint(repainted, models.row, models.column).background).toBe(OUTCOME_COLOURS.accepted);

    stack.sheetsApi.resetCounts();
    expect((await setup()).body).toMatchObject({ requests: 0, batchUpdates: 0 });
  });

  it("inserts a new installation's rows right after the rows of the installation before it", async () => {
    await stack.api.seedExample();
    currentId = await stack.bindNewSpreadsheet();
    await setup();
    const before = await stack.tab(currentId, 'metrics');
    const body = structuredClone(EXAMPLE.configBody) as Config;
    const index = body.installations.findIndex((installation) => installation.id === 'ifca-cpu');
    const template = body.installations[index];
    body.installations.splice(index + 1, 0, {
      ...template,
      id: 'new-cpu',
      name: 'New CPU cloud',
      editors: ['partner@new.example.org'],
    });
    await putConfig(body);
    stack.sheetsApi.resetCounts();
    await setup();
    expect(stack.batchUpdates()).toBe(1);

    const after = await stack.tab(currentId, 'metrics');
    const ifca = rowsOf(after, 'ifca-cpu');
    const added = rowsOf(after, 'new-cpu');
    const gpu = rowsOf(after, 'ifca-gpu');
    expect(added).toHaveLength(((template?.metrics ?? []) as unknown[]).length);
    expect(added[0]).toBe(Math.max(...ifca) + 1);
    expect(gpu[0]).toBe(Math.max(...added) + 1);
    expect(after.rowCount).toBe(before.rowCount + added.length);
    // Every value moved with its row, and the new rows carry labels and no inherited colour.
    expect(metricsValues(after)).toEqual(metricsValues(before));
    const nameColumn = columnsByAnchor(after, ANCHOR_KEYS.labelColumn).get('installation') ?? -1;
    for (const row of added) {
      expect(after.cells[row]?.[nameColumn]).toBe('New CPU cloud');
      for (const [key] of after.paints) expect(key.startsWith(`${row}:`)).toBe(false);
    }
    const range = (description: string) =>
      after.protectedRanges
        .filter((protection) => protection.description === description)
        .map((p) => p.range);
    expect(range('va-assess:installation:new-cpu')).toEqual([
      expect.objectContaining({ startRowIndex: added[0], endRowIndex: Math.max(...added) + 1 }),
    ]);
    expect(range('va-assess:installation:ifca-gpu')).toEqual([
      expect.objectContaining({ startRowIndex: gpu[0], endRowIndex: Math.max(...gpu) + 1 }),
    ]);
    stack.sheetsApi.resetCounts();
    expect((await setup()).body).toMatchObject({ batchUpdates: 0 });
  });

  it('keeps the rows of an installation dropped from the config, values and all, closed to coordinators and noted', async () => {
    await stack.api.seedExample();
    currentId = await stack.bindNewSpreadsheet();
    await setup();
    const before = await stack.tab(currentId, 'metrics');
    const body = structuredClone(EXAMPLE.configBody) as Config;
    body.installations = body.installations.filter((installation) => installation.id !== 'ifca-gpu');
    await putConfig(body);
    stack.sheetsApi.resetCounts();
    await setup();
    expect(stack.batchUpdates()).toBe(1);

    const after = await stack.tab(currentId, 'metrics');
    expect(metricsValues(after)).toEqual(metricsValues(before));
    const gpu = rowsOf(after, 'ifca-gpu');
    expect(gpu).toEqual(rowsOf(before, 'ifca-gpu'));
    const labelColumns = columnsByAnchor(after, ANCHOR_KEYS.labelColumn);
    const nameColumn = labelColumns.get('installation') ?? -1;
    const metricColumn = labelColumns.get('metric') ?? -1;
    for (const row of gpu) {
      expect(cellPaint(after, row, nameColumn)).toEqual({
        background: RETIRED_LABEL_BACKGROUND,
        note: RETIRED_NOTE,
      });
      expect(cellPaint(after, row, metricColumn).background).toBe(RETIRED_LABEL_BACKGROUND);
    }
    expect(after.protectedRanges.some((p) => p.description === 'va-assess:installation:ifca-gpu')).toBe(
      false,
    );
    const retired = after.protectedRanges.filter((p) => p.description === 'va-assess:retired');
    const periodColumns = [...columnsByAnchor(after, ANCHOR_KEYS.periodColumn).values()];
    expect(retired.map((p) => p.range)).toEqual([
      expect.objectContaining({
        startRowIndex: gpu[0],
        endRowIndex: Math.max(...gpu) + 1,
        startColumnIndex: Math.min(...periodColumns),
        endColumnIndex: Math.max(...periodColumns) + 1,
      }),
    ]);
    for (const protection of retired) {
      expect(protection.editors?.users).toContain(COORDINATOR);
      expect(protection.editors?.users).not.toContain('partner@ifca.example.org');
    }
    stack.sheetsApi.resetCounts();
    expect((await setup()).body).toMatchObject({ batchUpdates: 0 });

    // Back in the config: the grey, the note and the coordinators-only range go again.
    await putConfig(structuredClone(EXAMPLE.configBody) as Config);
    await setup();
    const revived = await stack.tab(currentId, 'metrics');
    for (const row of gpu) expect(cellPaint(revived, row, nameColumn).note).toBe('');
    expect(revived.protectedRanges.some((p) => p.description === 'va-assess:retired')).toBe(false);
    expect(revived.protectedRanges.some((p) => p.description === 'va-assess:installation:ifca-gpu')).toBe(
      true,
    );
  });
});
