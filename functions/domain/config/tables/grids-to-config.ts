import type { z } from 'zod';
import { type ProjectConfig, projectConfigSchema } from '../project-config-schema';
import { CellRegistry } from './cell-registry';
import { describeCell, type Grid } from './cell-values';
import { CONFIG_TAB_TITLES, type ConfigColumn, type ConfigTabId, TABLE_COLUMNS } from './config-columns';
import type { ConfigProblem } from './config-problems';
import { readProject } from './read-project-tab';
import { type ReadItem, readTable } from './read-table';

export type ConfigGrids = Partial<Record<ConfigTabId, Grid>>;

export type GridsReading = { ok: true; config: ProjectConfig } | { ok: false; problems: ConfigProblem[] };

/** Fields set on the row's object from its cells; dotted keys nest ("capacity.cpuCores"). */
function setAt(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) return;
  const steps = key.split('.');
  const last = steps.pop() as string;
  let at = target;
  for (const step of steps) {
    at[step] ??= {};
    at = at[step] as Record<string, unknown>;
  }
  at[last] = value;
}

function objectOf(item: ReadItem, columns: readonly ConfigColumn[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const column of columns) setAt(object, column.key, item.values[column.key]);
  return object;
}

function placeItem(registry: CellRegistry, path: (string | number)[], item: ReadItem, tab: ConfigTabId) {
  for (const [key, column] of Object.entries(item.columns)) {
    registry.place([...path, ...key.split('.')], {
      tab,
      row: item.row,
      column,
      field: item.headers[key] ?? key,
    });
  }
  const idColumn = item.columns.id;
  if (idColumn !== undefined)
    registry.place(path, { tab, row: item.row, column: idColumn, field: item.headers.id ?? 'id' });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function installationsWithMetrics(grids: ConfigGrids, registry: CellRegistry, problems: ConfigProblem[]) {
  const installationItems = readTable(
    'installations',
    grids.installations,
    TABLE_COLUMNS.installations,
    problems,
  );
  const installations = installationItems.map((item, index) => {
    const path = ['installations', index];
    placeItem(registry, path, item, 'installations');
    const id = text(item.values.id);
    const name = text(item.values.name);
    registry.name(
      path,
      name === ''
        ? `Installation ${id || `on row ${item.row + 1}`}`
        : `Installation "${name}" (${id || 'no id'})`,
    );
    return { ...objectOf(item, TABLE_COLUMNS.installations), metrics: [] as unknown[] };
  });
  const metricItems = readTable('metrics', grids.metrics, TABLE_COLUMNS.metrics, problems);
  for (const item of metricItems) {
    const owner = text(item.values.installation);
    const index = installationItems.findIndex(
      (installation) => text(installation.values.id) === owner && owner !== '',
    );
    const installation = installations[index];
    if (installation === undefined) {
      problems.push(unknownInstallation(item, installationItems));
      continue;
    }
    const { installation: _owner, ...metric } = objectOf(item, TABLE_COLUMNS.metrics);
    const path = ['installations', index, 'metrics', installation.metrics.length];
    placeItem(registry, path, item, 'metrics');
    registry.name(path, `${registry.ownerOf(['installations', index])}, metric "${text(item.values.id)}"`);
    installation.metrics.push(metric);
  }
  return installations;
}

function unknownInstallation(item: ReadItem, installations: readonly ReadItem[]): ConfigProblem {
  const column = item.columns.installation ?? 0;
  const ids = installations.map((installation) => text(installation.values.id)).filter((id) => id !== '');
  return {
    tab: 'metrics',
    row: item.row,
    column,
    message: `Metric "${text(item.values.id)}", Installation id: ${describeCell(item.cells[column])}; expected one of the ids in the ${CONFIG_TAB_TITLES.installations} tab (${ids.join(', ')})`,
  };
}

function listOf(
  tab: 'budgets' | 'budgetGroups',
  grids: ConfigGrids,
  registry: CellRegistry,
  problems: ConfigProblem[],
) {
  const owner = tab === 'budgets' ? 'Budget' : 'Budget group';
  return readTable(tab, grids[tab], TABLE_COLUMNS[tab], problems).map((item, index) => {
    const path = ['project', tab, index];
    placeItem(registry, path, item, tab);
    registry.name(path, `${owner} "${text(item.values.id) || `on row ${item.row + 1}`}"`);
    return objectOf(item, TABLE_COLUMNS[tab]);
  });
}

/** A zod problem in the coordinator's words, on its cell: whose field, which, what was found, what is expected. */
function problemOf(issue: z.core.$ZodIssue, registry: CellRegistry): ConfigProblem {
  const cell = registry.cellOf(issue.path);
  const value = registry.valueAt(cell);
  const found = describeCell(value);
  const last = issue.path[issue.path.length - 1];
  let said = issue.message;
  if (last === 'metrics' && issue.code === 'too_small')
    said = `has no metric; add its rows to the ${CONFIG_TAB_TITLES.metrics} tab`;
  else if (issue.code === 'invalid_type' && found === 'the cell is empty') said = 'is required';
  const quoted =
    said.includes('found') || said.includes(`"${String(value)}"`) || last === 'metrics' ? '' : ` (${found})`;
  return {
    tab: cell.tab,
    row: cell.row,
    column: cell.column,
    message: `${registry.ownerOf(issue.path)}, ${cell.field}: ${said}${quoted}`,
  };
}

/**
 * The configuration the tabs describe, validated by the API's own schema, or every problem at once,
 * each on its cell. Empty rows are skipped; columns are found by their header, so a coordinator may
 * reorder them.
 */
export function gridsToConfig(grids: ConfigGrids): GridsReading {
  const registry = new CellRegistry(grids);
  const problems: ConfigProblem[] = [];
  const project = readProject(grids.project, registry, problems);
  project.budgets = listOf('budgets', grids, registry, problems);
  project.budgetGroups = listOf('budgetGroups', grids, registry, problems);
  const installations = installationsWithMetrics(grids, registry, problems);
  const parsed = projectConfigSchema.safeParse({ project, installations });
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => problemOf(issue, registry)));
    return { ok: false, problems };
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config: parsed.data };
}
