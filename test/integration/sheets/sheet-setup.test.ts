import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiPaths } from '../../../functions/contract/contract';
import { ANCHOR_KEYS } from '../../../functions/sheets/layout/anchors';
import { columnsByAnchor, rowsByAnchor } from '../../../functions/sheets/layout/sheet-snapshot';
import { metricsValues } from '../../support/metrics-values';
import { COORDINATOR, EXAMPLE } from '../api/api-test-server';
import { useSheetsStack } from './sheets-test-stack';

/** The example's 90 values as typed, keyed like metricsValues. */
function exampleValues(): Map<string, string> {
  const csv = readFileSync(join(__dirname, '../../../examples/imagine-py1/metrics.csv'), 'utf8');
  const values = new Map<string, string>();
  for (const batch of EXAMPLE.entryBatches) {
    for (const cell of batch.cells) {
      if (cell.raw !== null && cell.raw !== '') {
        values.set(`${cell.installationId}/${cell.metricId}/${cell.periodId}`, String(cell.raw));
      }
    }
  }
  expect(csv).toContain('"105,456"');
  return values;
}

describe('POST /v1/projects/{id}/sheet/setup', () => {
  const stack = useSheetsStack();

  it('builds the tabs with every typed value on its installation and metric row, in one batchUpdate', async () => {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    const setup = await stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR });
    expect(setup.status).toBe(200);
    expect(setup.body).toMatchObject({ operation: 'setup', batchUpdates: 1 });
    expect(stack.batchUpdates()).toBe(1);

    const metrics = await stack.tab(id, 'metrics');
    const expected = exampleValues();
    expect(expected.size).toBe(90);
    expect(Object.fromEntries(metricsValues(metrics))).toEqual(Object.fromEntries(expected));
    // Column A holds each row's key; the six labels follow, then the periods.
    expect(metrics.cells[0]?.slice(0, 2)).toEqual(['Row key', 'Installation']);
    expect(metrics.cells[0]?.slice(7, 10)).toEqual(['P1 (M01–M06)', 'P2 (M07–M12)', 'P3 (M13–M18)']);
    expect(metrics.frozenRowCount).toBe(1);
  });

  it('is idempotent: a second setup finds nothing to change and sends no batchUpdate', async () => {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    await stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR });
    const before = await stack.readAll(id);
    stack.sheetsApi.resetCounts();
    const again = await stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ requests: 0, batchUpdates: 0 });
    expect(stack.batchUpdates()).toBe(0);
    expect(await stack.readAll(id)).toEqual(before);
  });

  it('adds a new installation with its rows and protection, keeping every value a person typed', async () => {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    await stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR });
    const metrics = await stack.tab(id, 'metrics');
    const row = rowsByAnchor(metrics, ANCHOR_KEYS.entryRow).get('ifca-cpu/cpu-hours') ?? -1;
    const p3 = columnsByAnchor(metrics, ANCHOR_KEYS.periodColumn).get('P3') ?? -1;
    // A partner types a P3 value the backend never saw.
    await stack.asCoordinator().spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateCells: {
              start: { sheetId: metrics.sheetId, rowIndex: row, columnIndex: p3 },
              rows: [{ values: [{ userEnteredValue: { stringValue: '4.000.000' } }] }],
              fields: 'userEnteredValue',
            },
          },
        ],
      },
    });
    const body = structuredClone(EXAMPLE.configBody) as { installations: Record<string, unknown>[] };
    const template = body.installations.find((installation) => installation.id === 'ifca-cpu');
    body.installations.push({
      ...template,
      id: 'new-cpu',
      name: 'New CPU cloud',
      editors: ['partner@new.example.org'],
    });
    const put = await stack.api.call('PUT', apiPaths.config('imagine'), { as: COORDINATOR, body });
    expect(put.status).toBe(200);

    stack.sheetsApi.resetCounts();
    const setup = await stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR });
    expect(setup.status).toBe(200);
    expect(stack.batchUpdates()).toBe(1);

    const after = await stack.tab(id, 'metrics');
    const values = metricsValues(after);
    expect(values.get('ifca-cpu/cpu-hours/P3')).toBe('4.000.000');
    expect(values.get('ifca-cpu/cpu-hours/P2')).toBe('393,888');
    const rows = rowsByAnchor(after, ANCHOR_KEYS.entryRow);
    const newRows = [...rows].filter(([anchor]) => anchor.startsWith('new-cpu/')).map(([, index]) => index);
    expect(newRows).toHaveLength(((template?.metrics ?? []) as unknown[]).length);
    const protection = after.protectedRanges.find(
      (range) => range.description === 'va-assess:installation:new-cpu',
    );
    expect(protection?.editors?.users).toEqual(
      expect.arrayContaining(['partner@new.example.org', COORDINATOR]),
    );
    expect(protection?.range?.startRowIndex).toBe(Math.min(...newRows));
    expect(
      after.protectedRanges.find((range) => range.description === 'va-assess:installation:ifca-cpu')?.editors
        ?.users,
    ).not.toContain('partner@new.example.org');
  });
});
