import { apiPaths } from '../../../functions/contract/api-paths';
import type { SheetStatusResponse } from '../../../functions/contract/status-contract';
import { ANCHOR_KEYS } from '../../../functions/sheets/layout/anchors';
import { rowsByAnchor, type TabSnapshot } from '../../../functions/sheets/layout/sheet-snapshot';
import { COORDINATOR, IFCA } from '../api/api-test-server';
import { useSheetsStack } from './sheets-test-stack';

const cell = (installationId: string, metricId: string, raw: unknown) => ({
  installationId,
  metricId,
  periodId: 'P3',
  raw,
});

/** The block of one window: from its anchor row to the next blank row after the owed table. */
function block(tab: TabSnapshot, windowId: string): string[][] {
  const start = rowsByAnchor(tab, ANCHOR_KEYS.windowBlock).get(windowId);
  if (start === undefined) throw new Error(`no ${windowId} block`);
  const next = [...rowsByAnchor(tab, ANCHOR_KEYS.windowBlock).values()]
    .filter((row) => row > start)
    .sort((a, b) => a - b)[0];
  return tab.cells.slice(start, next ?? tab.rowCount);
}

/** The A1 address a =HYPERLINK("#gid=…&range=E12", …) formula links. */
function linkedCell(formula: string | undefined): { gid: number; a1: string } | null {
  const match = /^=HYPERLINK\("#gid=(\d+)&range=([A-Z]+\d+)"/.exec(formula ?? '');
  return match === null ? null : { gid: Number(match[1]), a1: match[2] ?? '' };
}

function cellAt(tab: TabSnapshot, a1: string): string {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  const column =
    (match?.[1] ?? 'A').split('').reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return tab.cells[Number(match?.[2] ?? 0) - 1]?.[column] ?? '';
}

describe('the Status tab (Check completeness...)', () => {
  const stack = useSheetsStack();

  async function setUpWithP3(): Promise<string> {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    expect((await stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR })).status).toBe(
      200,
    );
    const posted = await stack.api.call('POST', apiPaths.entries('imagine'), {
      as: IFCA,
      body: {
        cells: [
          cell('ifca-cpu', 'cpu-hours', '120,000'),
          cell('ifca-cpu', 'countries', 'ES, PT'),
          cell('ifca-cpu', 'country-count', 2),
          cell('ifca-cpu', 'users', 18),
          cell('ifca-gpu', 'gpu-hours', 'lots'),
        ],
      },
    });
    expect(posted.status).toBe(200);
    return id;
  }

  it('lists each installation worst first and each owed cell with its editors and a link to its cell, in one batchUpdate', async () => {
    const id = await setUpWithP3();
    stack.sheetsApi.resetCounts();
    const written = await stack.api.call('POST', apiPaths.sheetStatus('imagine', 'P3'), { as: COORDINATOR });
    expect(written.status).toBe(200);
    expect(stack.batchUpdates()).toBe(1);
    expect((written.body as SheetStatusResponse).headline).toContain(
      '4 of 45 values in (9%); 40 empty, 1 rejected',
    );

    const [status, metrics] = [await stack.tab(id, 'status'), await stack.tab(id, 'metrics')];
    const rows = block(status, 'P3');
    expect(rows[0]?.[0]).toBe('Status of P3 (M13–M18)');
    const names = rows
      .filter((row) => row[1] === 'T4.1' || row[1] === 'T4.2' || row[1] === 'T4.3')
      .map((row) => row[0]);
    expect(names).toHaveLength(11);
    expect(names[0]).toBe('iMagine – AI Application Development Service');
    expect(names[10]).toBe('IFCA-CSIC Scientific Cloud – CPU');

    const owed = rows.filter((row) => row[0]?.startsWith('=HYPERLINK('));
    expect(owed).toHaveLength(41);
    const gpuHours = owed.find(
      (row) => row[1] === 'IFCA-CSIC Scientific Cloud – GPU' && row[4] === 'rejected',
    );
    expect(gpuHours?.[5]).toContain('lots');
    expect(gpuHours?.[6]).toBe('partner@ifca.example.org');
    for (const row of owed) {
      const link = linkedCell(row[0]);
      expect(link?.gid).toBe(metrics.sheetId);
    }
    // The links land on the owed cells: the Metrics row of that installation and metric, in P3's column.
    const gpuLink = linkedCell(gpuHours?.[0]);
    const keyColumn = metrics.cells[0]?.indexOf('Row key') ?? -1;
    const row = Number(gpuLink?.a1.replace(/^[A-Z]+/, '')) - 1;
    expect(metrics.cells[row]?.[keyColumn]).toBe('ifca-gpu/gpu-hours');
    expect(metrics.cells[0]?.[(gpuLink?.a1.charCodeAt(0) ?? 65) - 65]).toMatch(/^P3 /);
    const emptyLinks = owed
      .filter((item) => item[4] === 'empty')
      .map((item) => linkedCell(item[0])?.a1 ?? '');
    for (const a1 of emptyLinks) expect(cellAt(metrics, a1)).toBe('');
  });

  it('replaces its block in place when checked again, and any member may check', async () => {
    const id = await setUpWithP3();
    expect(
      (await stack.api.call('POST', apiPaths.sheetStatus('imagine', 'P3'), { as: COORDINATOR })).status,
    ).toBe(200);
    await stack.api.call('POST', apiPaths.entries('imagine'), {
      as: IFCA,
      body: { cells: [cell('ifca-gpu', 'gpu-hours', '1,200')] },
    });
    const again = await stack.api.call('POST', apiPaths.sheetStatus('imagine', 'P3'), { as: IFCA });
    expect(again.status).toBe(200);
    const status = await stack.tab(id, 'status');
    expect([...rowsByAnchor(status, ANCHOR_KEYS.windowBlock).keys()]).toEqual(['P3']);
    expect(block(status, 'P3')[2]?.[0]).toContain('5 of 45 values in (11%); 40 empty, 0 rejected');
    const outsider = await stack.api.call('POST', apiPaths.sheetStatus('imagine', 'P3'), {
      as: 'stranger@elsewhere.example.org',
    });
    expect(outsider.status).toBe(403);
  });
});
