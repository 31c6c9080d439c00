import { OUTCOME_COLOURS } from '../../functions/shared/addon-contract';
import type { InstallationProblems, ProblemStatus, ProblemsView } from '../shared/ui-types';
import type { BoxPaint } from './paint-plan';
import { a1Of, type Box, type ValueGrid } from './value-grid';

const STATUS_BY_COLOUR = new Map<string, ProblemStatus>([
  [OUTCOME_COLOURS.rejected, 'rejected'],
  [OUTCOME_COLOURS.warning, 'warning'],
  [OUTCOME_COLOURS.pending, 'pending'],
]);

/**
 * The open problems as the sheet shows them: value cells painted rejected, warning or pending, grouped
 * by installation in the order of the sheet's rows. Read from the sheet, so the sidebar agrees with
 * what a person sees and works while the backend is down.
 */
export function problemsOf(
  grid: ValueGrid,
  box: Box,
  paint: BoxPaint,
  names: ReadonlyMap<string, string>,
  outbox: number,
): ProblemsView {
  const groups = new Map<string, InstallationProblems>();
  const rows = [...grid.rows.keys()].sort((a, b) => a - b);
  const columns = [...grid.columns.keys()].sort((a, b) => a - b);
  for (const row of rows) {
    const key = grid.rows.get(row);
    if (key === undefined) continue;
    for (const column of columns) {
      const colour = paint.backgrounds[row - box.row]?.[column - box.column]?.toLowerCase() ?? '';
      const status = STATUS_BY_COLOUR.get(colour);
      if (status === undefined) continue;
      let group = groups.get(key.installationId);
      if (group === undefined) {
        group = {
          installationId: key.installationId,
          name: names.get(key.installationId) ?? key.installationId,
          rejected: 0,
          warnings: 0,
          pending: 0,
          items: [],
        };
        groups.set(key.installationId, group);
      }
      if (status === 'rejected') group.rejected += 1;
      else if (status === 'warning') group.warnings += 1;
      else group.pending += 1;
      group.items.push({
        sheetId: grid.sheetId,
        a1: a1Of(grid.sheetName, row, column),
        metricId: key.metricId,
        periodId: grid.columns.get(column) ?? '',
        status,
        note: paint.notes[row - box.row]?.[column - box.column] ?? '',
      });
    }
  }
  const installations = [...groups.values()];
  const sum = (pick: (group: InstallationProblems) => number) =>
    installations.reduce((total, group) => total + pick(group), 0);
  return {
    error: '',
    installations,
    totals: {
      rejected: sum((g) => g.rejected),
      warnings: sum((g) => g.warnings),
      pending: sum((g) => g.pending),
    },
    outbox,
  };
}
