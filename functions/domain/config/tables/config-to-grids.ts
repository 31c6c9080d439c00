import type { ProjectConfig } from '../project-config-schema';
import { type CellValue, type Grid, toCell } from './cell-values';
import { type ConfigColumn, type ConfigTabId, PROJECT_FIELDS, TABLE_COLUMNS } from './config-columns';

export const PROJECT_HEADER = ['Field', 'Value', 'What it is'] as const;
export const PROJECT_EXPLANATION = [
  'One setting per row',
  'Type each value in this column',
  'What is expected',
] as const;

/** The value at a dotted key ("capacity.cpuCores") of an object, undefined when any step is missing. */
export function valueAt(item: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (value, step) =>
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined,
      item,
    );
}

function tableGrid(columns: readonly ConfigColumn[], items: readonly unknown[]): Grid {
  return [
    columns.map((column) => column.header),
    columns.map((column) => column.explains),
    ...items.map((item) => columns.map((column) => toCell(column.kind, valueAt(item, column.key)))),
  ];
}

function projectGrid(config: ProjectConfig): Grid {
  return [
    [...PROJECT_HEADER],
    [...PROJECT_EXPLANATION],
    ...PROJECT_FIELDS.map((field): CellValue[] => [
      field.header,
      toCell(field.kind, valueAt(config.project, field.key)),
      field.explains,
    ]),
  ];
}

/**
 * A configuration as the configuration tabs show it: the same mapping writes the spreadsheet's tabs
 * and a workbook's sheets, and gridsToConfig reads either back to the same configuration.
 */
export function configToGrids(config: ProjectConfig): Record<ConfigTabId, Grid> {
  const metrics = config.installations.flatMap((installation) =>
    installation.metrics.map((metric) => ({ ...metric, installation: installation.id })),
  );
  return {
    project: projectGrid(config),
    budgets: tableGrid(TABLE_COLUMNS.budgets, config.project.budgets),
    budgetGroups: tableGrid(TABLE_COLUMNS.budgetGroups, config.project.budgetGroups),
    installations: tableGrid(TABLE_COLUMNS.installations, config.installations),
    metrics: tableGrid(TABLE_COLUMNS.metrics, metrics),
  };
}
