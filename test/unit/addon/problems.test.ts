import { OUTCOME_COLOURS } from '../../../functions/sheets/layout/anchors';
import { problemsOf } from '../../../sheets-addon/core/problems';
import type { ValueGrid } from '../../../sheets-addon/core/value-grid';

const grid: ValueGrid = {
  sheetId: 3,
  sheetName: 'Metrics',
  rows: new Map([
    [2, { installationId: 'ifca-cpu', metricId: 'countries' }],
    [3, { installationId: 'incd-cpu', metricId: 'cpu-hours' }],
    [4, { installationId: 'ifca-cpu', metricId: 'users' }],
  ]),
  columns: new Map([
    [3, 'P1'],
    [4, 'P2'],
  ]),
};

describe('the open problems the sidebar lists', () => {
  it('groups rejected, warning and pending cells by installation in sheet order, with counts', () => {
    const box = { row: 2, column: 3, numRows: 3, numColumns: 2 };
    const view = problemsOf(
      grid,
      box,
      {
        backgrounds: [
          [OUTCOME_COLOURS.rejected.toUpperCase(), OUTCOME_COLOURS.accepted],
          ['#ffffff', OUTCOME_COLOURS.pending],
          [OUTCOME_COLOURS.warning, ''],
        ],
        notes: [
          ['Not stored: "SP"', 'Stored'],
          ['', 'Pending, will be sent'],
          ['Stored with a warning', ''],
        ],
      },
      new Map([['ifca-cpu', 'IFCA-CSIC Scientific Cloud – CPU']]),
      1,
    );
    expect(view.totals).toEqual({ rejected: 1, warnings: 1, pending: 1 });
    expect(
      view.installations.map((group) => [group.name, group.rejected, group.warnings, group.pending]),
    ).toEqual([
      ['IFCA-CSIC Scientific Cloud – CPU', 1, 1, 0],
      ['incd-cpu', 0, 0, 1],
    ]);
    expect(view.installations[0]?.items[0]).toEqual({
      sheetId: 3,
      a1: 'Metrics!C2',
      metricId: 'countries',
      periodId: 'P1',
      status: 'rejected',
      note: 'Not stored: "SP"',
    });
  });
});
