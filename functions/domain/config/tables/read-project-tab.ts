import type { CellRegistry } from './cell-registry';
import { type CellValue, fromCell, type Grid } from './cell-values';
import { CONFIG_TAB_TITLES, PROJECT_FIELDS } from './config-columns';
import type { CellLocation, ConfigProblem } from './config-problems';
import { missingTab } from './read-table';

const VALUE_COLUMN = 1;

function label(cell: CellValue | undefined): string {
  return typeof cell === 'string' ? cell.trim().toLowerCase() : '';
}

/**
 * The Project tab's settings, one per row found by its label in column A. The report settings are
 * all optional: when every Report row is empty the project has none and the report uses its defaults.
 */
export function readProject(grid: Grid | undefined, registry: CellRegistry, problems: ConfigProblem[]) {
  const project: Record<string, unknown> = {};
  if (grid === undefined) {
    problems.push(missingTab('project'));
    return project;
  }
  const report: Record<string, unknown> = {};
  for (const field of PROJECT_FIELDS) {
    const row = grid.findIndex((cells) => label(cells[0]) === field.header.toLowerCase());
    if (row < 0) {
      problems.push({
        tab: 'project',
        row: grid.length,
        column: 0,
        message: `${CONFIG_TAB_TITLES.project}: the row "${field.header}" is missing; expected it (${field.explains})`,
      });
      continue;
    }
    const path = ['project', ...field.key.split('.')];
    registry.place(path, { tab: 'project', row, column: VALUE_COLUMN, field: field.header });
    const value = fromCell(field.kind, grid[row]?.[VALUE_COLUMN]);
    if (value === undefined) continue;
    if (field.key.startsWith('report.')) report[field.key.slice('report.'.length)] = value;
    else project[field.key] = value;
  }
  if (Object.keys(report).length > 0) project.report = report;
  return project;
}

/** Where a Project tab setting's value is (its label's row, column B); the header when the row is gone. */
export function projectFieldCell(grid: Grid | undefined, key: string): CellLocation {
  const header = PROJECT_FIELDS.find((field) => field.key === key)?.header.toLowerCase();
  const row = (grid ?? []).findIndex((cells) => label(cells[0]) === header);
  return { tab: 'project', row: Math.max(row, 0), column: row < 0 ? 0 : VALUE_COLUMN };
}
