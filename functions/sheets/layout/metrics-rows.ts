import type { Installation } from '../../domain/config/installation-schema';
import type { MetricDefinition } from '../../domain/config/metric-definition-schema';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import { ANCHOR_KEYS, entryRowValue, KEY_COLUMN_ID, parseEntryRowValue } from './anchors';
import { METRICS_LABEL_COLUMNS, type MetricsColumns } from './metrics-columns';
import { retireLabels, reviveLabels } from './retired-rows';
import { type RowIdentities, readRowIdentities } from './row-identity';
import { placeNewRows, type RowPlacement } from './row-placement';
import { anchorRow, type Request } from './sheet-requests';
import type { TabSnapshot } from './sheet-snapshot';

/** A row the config has and the tab has not yet. */
export interface NewRow {
  installation: Installation;
  metric: MetricDefinition;
}

/** The key of an installation's metric's row ("ifca-cpu/cpu-hours"). */
export const rowKey = (installation: Installation, metric: MetricDefinition): string =>
  entryRowValue({ installationId: installation.id, metricId: metric.id });

/** Where the Metrics tab's entry rows are, and the requests that insert and anchor the new ones. */
export interface MetricsRows {
  requests: Request[];
  identities: RowIdentities;
  placement: RowPlacement<NewRow>;
}

/**
 * Rows are known by their key cells (they move with a sort), metadata only where a key cell is
 * empty. Each new row goes right after its installation's last row; a new installation after the
 * rows of the one before it in the config (at the top when it is the first).
 */
export function placeMetricsRows(
  tab: TabSnapshot,
  config: ProjectConfig,
  columns: MetricsColumns,
): MetricsRows {
  const keyColumn = columns.labels.get(KEY_COLUMN_ID);
  const identities = readRowIdentities(
    tab,
    keyColumn !== undefined && keyColumn < tab.columnCount ? keyColumn : undefined,
  );
  const existingRows = identities.rows;
  const groups = new Map<number, NewRow[]>();
  let position = Math.min(1, tab.rowCount);
  for (const installation of config.installations) {
    const own = installation.metrics.flatMap(
      (metric) => existingRows.get(rowKey(installation, metric)) ?? [],
    );
    if (own.length > 0) position = Math.max(...own) + 1;
    for (const metric of installation.metrics) {
      if (existingRows.has(rowKey(installation, metric))) continue;
      groups.set(position, [...(groups.get(position) ?? []), { installation, metric }]);
    }
  }
  const placement = placeNewRows(tab.sheetId, tab.rowCount, groups);
  const requests: Request[] = [...identities.metadataRequests, ...placement.requests];
  for (const { key, row } of identities.unanchored) {
    requests.push(anchorRow(tab.sheetId, placement.shifted(row), ANCHOR_KEYS.entryRow, key));
  }
  return { requests, identities, placement };
}

/** Where each existing row is after the insertions, and which of them the config dropped. */
export interface RowStates {
  requests: Request[];
  rowOf: Map<string, number>;
  retiredRows: number[];
}

/**
 * Rows the config dropped are kept but retired (their labels greyed), rows it has again revived.
 * What a retired row greys: the labels a person reads, the installation's name (and its note) first.
 */
export function retireOrReviveRows(
  tab: TabSnapshot,
  config: ProjectConfig,
  columns: MetricsColumns,
  rows: MetricsRows,
): RowStates {
  const labelColumnIndices = METRICS_LABEL_COLUMNS.flatMap((label) =>
    label.id === KEY_COLUMN_ID ? [] : (columns.labels.get(label.id) ?? []),
  );
  const active = new Set(
    config.installations.flatMap((installation) =>
      installation.metrics.map((metric) => rowKey(installation, metric)),
    ),
  );
  const states: RowStates = { requests: [], rowOf: new Map(), retiredRows: [] };
  for (const [anchor, readRow] of rows.identities.rows) {
    const row = rows.placement.shifted(readRow);
    states.rowOf.set(anchor, row);
    const cells = { tab, readRow, row, columns: labelColumnIndices };
    if (active.has(anchor)) {
      states.requests.push(...reviveLabels(cells));
      continue;
    }
    if (parseEntryRowValue(anchor) === undefined) continue;
    states.retiredRows.push(row);
    states.requests.push(...retireLabels(cells));
  }
  return states;
}
