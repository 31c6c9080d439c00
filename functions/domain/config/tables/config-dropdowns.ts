import { type ConfigTabId, TABLE_COLUMNS } from './config-columns';

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

export function configDropdowns(): ConfigDropdown[] {
  return Object.entries(TABLE_COLUMNS).flatMap(([tab, columns]) =>
    columns.flatMap((column, index): ConfigDropdown[] => {
      const choices = column.choices;
      if (choices === undefined) return [];
      const at = { tab: tab as ConfigTabId, column: index };
      if ('values' in choices) return [{ ...at, values: choices.values }];
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
