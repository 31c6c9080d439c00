import type { ProjectConfig } from '../project-config-schema';
import { type ConfigTabId, TABLE_COLUMNS } from './config-columns';

/** Units most research infrastructures report in; a project's own units are offered beside them. */
export const COMMON_UNITS = ['CPU-hours', 'GPU-hours', 'TB-month', 'users', 'countries'] as const;

/**
 * The units a unit column offers: the common ones, then those the configuration already uses
 * (budgets first: a metric counting toward a budget must use its unit), each once, as written.
 */
export function unitChoices(config: Pick<ProjectConfig, 'project' | 'installations'> | undefined): string[] {
  const used = [
    ...(config?.project.budgets ?? []).map((budget) => budget.unit),
    ...(config?.installations ?? []).flatMap((installation) =>
      installation.metrics.map((metric) => metric.unit),
    ),
  ];
  return [...new Set<string>([...COMMON_UNITS, ...used])];
}

/**
 * A column whose values come from a closed set, offered as a dropdown: fixed values (kind, unit...)
 * or the ids listed in another tab (budgets, installations). Columns are those configToGrids writes.
 */
export interface ConfigDropdown {
  tab: ConfigTabId;
  column: number;
  values?: readonly string[];
  source?: { tab: ConfigTabId; column: number };
}

export function configDropdowns(units: readonly string[]): ConfigDropdown[] {
  return Object.entries(TABLE_COLUMNS).flatMap(([tab, columns]) =>
    columns.flatMap((column, index): ConfigDropdown[] => {
      const choices = column.choices;
      if (choices === undefined) return [];
      const at = { tab: tab as ConfigTabId, column: index };
      if ('values' in choices) return [{ ...at, values: choices.values }];
      if ('units' in choices) return [{ ...at, values: units }];
      const sourceColumns = TABLE_COLUMNS[choices.idsOf as Exclude<ConfigTabId, 'project'>];
      return [
        {
          ...at,
          source: { tab: choices.idsOf, column: sourceColumns.findIndex((c) => c.key === choices.column) },
        },
      ];
    }),
  );
}
