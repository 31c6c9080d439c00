import type { PeriodStatus } from '../../functions/domain/completeness/period-status';
import {
  installationStatusRow,
  OWED_CELL_HEADERS,
  owedCellRows,
} from '../../functions/domain/completeness/status-table';
import { ANCHOR_KEYS } from '../../functions/sheets/layout/anchors';
import { rowsByAnchor, type TabSnapshot } from '../../functions/sheets/layout/sheet-snapshot';
import type { PeriodDialogState, SidebarStatusView } from '../../sheets-addon/shared/ui-types';
import { IFCA, INCD, NOW } from '../integration/api/api-test-server';
import { runVaAssess } from './run-cli';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';
import { exampleWithP3Options, P3_TYPED } from './support/example-with-p3';

/**
 * "Check completeness..." of the BUNDLED add-on in the Apps Script sandbox, on the example with P3
 * opened (the tests' clock is in P3): the Status tab lists each installation's missing cells and their
 * editors, worst first, and `va-assess status --period P3` prints the same figures.
 */
jest.setTimeout(120_000);

function statusBlock(tab: TabSnapshot, windowId: string): string[][] {
  const starts = rowsByAnchor(tab, ANCHOR_KEYS.windowBlock);
  const start = starts.get(windowId);
  if (start === undefined) throw new Error(`no ${windowId} block in the Status tab`);
  const next = [...starts.values()].filter((row) => row > start).sort((a, b) => a - b)[0];
  return tab.cells.slice(start, next ?? tab.rowCount);
}

describe('"Check completeness..." in the Apps Script sandbox', () => {
  const addon = useAddonSandboxStack();
  const { stack, box, cellOf } = addon;

  it('writes the current period into the Status tab after setup', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false });
    const rows = statusBlock(await stack.tab(addon.spreadsheetId, 'status'), 'P3');
    expect(rows[0]?.[0]).toBe('Status of P3 (M13–M18)');
    expect(addon.lastAlert()).toContain('Status tab: P3 (M13–M18): 0 of 45 values in (0%)');
  });

  it('lists the missing cells and their editors worst first, with the figures `va-assess status` prints', async () => {
    await addon.coordinatorSetsUp({ sharedWith: [IFCA, INCD] });
    // IFCA's partner types CPU's four P3 values and a refused GPU figure; live validation sends them.
    for (const [installationId, metricId, text] of P3_TYPED) {
      await box().typeAs(IFCA, cellOf(installationId, metricId, 'P3').a1, text);
    }

    // A partner may check too: the menu opens the picker on the current period.
    await box().run(INCD, 'menuCheckCompleteness');
    expect(box().dialogs().at(-1)).toMatchObject({ kind: 'modal', title: 'Check completeness', user: INCD });
    const state = (await box().run(INCD, 'periodDialogState', 'status')) as PeriodDialogState;
    expect(state.selected).toBe('P3');
    const answer = await box().run(INCD, 'runPeriodAction', 'status', 'P3');
    expect(answer).toMatchObject({ ok: true });
    expect((answer as { message: string }).message).toContain('4 of 45 values in (9%); 40 empty, 1 rejected');

    const rows = statusBlock(await stack.tab(addon.spreadsheetId, 'status'), 'P3');
    const installations = rows.filter((row) => /^T4\.\d$/.test(row[1] ?? ''));
    expect(installations.map((row) => row[0])).toHaveLength(11);
    expect(installations.at(-1)?.slice(0, 8)).toEqual([
      'IFCA-CSIC Scientific Cloud – CPU',
      'T4.3',
      '100%',
      '4',
      '4',
      '0',
      '0',
      '0',
    ]);
    const gpu = installations.find((row) => row[0] === 'IFCA-CSIC Scientific Cloud – GPU');
    expect(gpu?.slice(2, 9)).toEqual(['0%', '4', '0', '0', '1', '3', 'partner@ifca.example.org']);
    const owed = rows.filter((row) => row[0]?.startsWith('=HYPERLINK('));
    expect(owed).toHaveLength(41);
    expect(owed.filter((row) => row[1] === 'IFCA-CSIC Scientific Cloud – CPU')).toEqual([]);
    const gpuHours = owed.find(
      (row) => row[1] === 'IFCA-CSIC Scientific Cloud – GPU' && row[4] === 'rejected',
    );
    expect(gpuHours?.[0]).toContain(`range=${cellOf('ifca-gpu', 'gpu-hours', 'P3').a1.replace(/^.*!/, '')}"`);

    // IFCA's partner opens the sidebar: their own installations first, each with its figures.
    const sidebar = (await box().run(IFCA, 'sidebarStatus')) as SidebarStatusView;
    expect(sidebar.error).toBe('');
    expect(sidebar.headline).toContain('4 of 45 values in (9%)');
    expect(sidebar.rows.slice(0, 3).map((row) => [row.name, row.mine])).toEqual([
      // Equally behind (0%, 4 owed): in the configuration's order.
      ['IFCA-CSIC Scientific Cloud – GPU', true],
      ['IFCA-CSIC Scientific Cloud – Storage', true],
      ['IFCA-CSIC Scientific Cloud – CPU', true],
    ]);
    expect(sidebar.rows[2]).toMatchObject({ complete: '100%', owed: 0, confirmation: 'not confirmed' });
    expect(sidebar.rows.slice(3).every((row) => !row.mine)).toBe(true);
    const incdSidebar = (await box().run(INCD, 'sidebarStatus')) as SidebarStatusView;
    expect(incdSidebar.rows[0]?.name).toBe('INCD – CPU');

    // The same figures, row for row, from the command line given the same P3 values in a file.
    // --now: the backend's clock in these tests, which decides what is overdue.
    const cli = runVaAssess([
      'status',
      ...exampleWithP3Options(),
      '--period',
      'P3',
      '--json',
      '--now',
      NOW.toISO() ?? '',
    ]);
    expect(cli.status).toBe(0);
    const fromFile = JSON.parse(cli.stdout) as PeriodStatus;
    // Up to the editors' column: a file says neither who typed a value nor when.
    const figures = (row: readonly unknown[]) => row.slice(0, 9).map(String);
    expect(installations.map(figures)).toEqual(
      fromFile.installations.map(installationStatusRow).map(figures),
    );
    // A refused value's reason names where it was typed: the sheet's cell, or the file's.
    const unplaced = (row: readonly unknown[]) =>
      row.map((cell) => String(cell).replace(/, (Metrics|metrics\.csv)![A-Z]+\d+:/, ':'));
    expect(owed.map((row) => unplaced(row.slice(1, 1 + OWED_CELL_HEADERS.length)))).toEqual(
      owedCellRows(fromFile).map(unplaced),
    );
  });
});
