import type { ReportingPeriod } from '../../domain/calendar/reporting-period';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import { ANCHOR_KEYS } from './anchors';
import { refreshExistingRows, writeNewRows } from './metrics-cells';
import { METRICS_LABEL_COLUMNS, planMetricsColumns, valueColumnRuns } from './metrics-columns';
import { planMetricsProtection, protectionRefusal, realignedNotice } from './metrics-protection';
import { placeMetricsRows, retireOrReviveRows, rowKey } from './metrics-rows';
import type { StoredCell } from './metrics-values';
import type { MovedRow } from './row-identity';
import { sheetProtectionNotice } from './sheet-protection-by-person';
import { formatRange, freezeRows, type Request, TEXT_FORMAT } from './sheet-requests';
import type { TabSnapshot } from './sheet-snapshot';
import type { TabModule } from './tab-module';

export { METRICS_LABEL_COLUMNS, periodHeader } from './metrics-columns';
export { type StoredCell, valueKey } from './metrics-values';

/** What a plan of the Metrics tab sends, and what it found that the coordinator should know. */
export interface MetricsTabPlan {
  requests: Request[];
  /** Rows whose metadata named another row than their key cell (a sort, an edit): metadata moved. */
  realigned: MovedRow[];
  /** Sentences for the coordinator: what setup could not put right by itself and what to do. */
  notices: string[];
  /** Why nothing can be written to the tab, and what a person must do first (then `requests` is moot). */
  refusal?: string;
}

export interface MetricsTabInput {
  config: ProjectConfig;
  /** The reporting periods up to the current one. */
  periods: readonly ReportingPeriod[];
  /**
   * What partners typed, as stored (valueKey → raw text and the paint of its outcome): written into
   * EMPTY cells only, painted wherever the cell still shows exactly that text.
   */
  stored: ReadonlyMap<string, StoredCell>;
  serviceAccountEmail: string;
  /** Periods a coordinator locked: their value columns are protected to coordinators only. */
  lockedPeriodIds?: readonly string[];
}

/** Text format on every value cell: setting a format again changes nothing a person typed. */
function textFormatRequests(sheetId: number, rowCount: number, runs: readonly [number, number][]): Request[] {
  return runs.map(([start, end]) =>
    formatRange(
      { sheetId, startRowIndex: 1, endRowIndex: rowCount, startColumnIndex: start, endColumnIndex: end },
      TEXT_FORMAT,
      'userEnteredFormat.numberFormat',
    ),
  );
}

/**
 * The Metrics tab brought in line with the config: missing label or period columns appended, new
 * entry rows inserted beside their installation's rows with their anchors, labels corrected, stored
 * values written into EMPTY value cells only and painted with their outcome wherever the cell shows
 * them (what a person typed is never overwritten), rows the config dropped kept but retired,
 * protection recomputed from where the rows are now.
 */
export function planMetricsTab(tab: TabSnapshot, created: boolean, input: MetricsTabInput): MetricsTabPlan {
  const columns = planMetricsColumns(tab, created, input.periods);
  const rows = placeMetricsRows(tab, input.config, columns);
  const states = retireOrReviveRows(tab, input.config, columns, rows);
  const requests: Request[] = [
    ...columns.requests,
    ...rows.requests,
    ...states.requests,
    ...refreshExistingRows(tab, input, columns, rows),
    ...writeNewRows(tab.sheetId, input, columns, rows),
  ];
  for (const { item, row } of rows.placement.placed)
    states.rowOf.set(rowKey(item.installation, item.metric), row);
  const runs = valueColumnRuns(columns, input.periods);
  const rowCount = rows.placement.rowCount;
  if (rows.placement.placed.length > 0 || columns.addedPeriod) {
    requests.push(...textFormatRequests(tab.sheetId, rowCount, runs));
  }
  if (tab.frozenRowCount < 1 && rowCount > 1) requests.push(freezeRows(tab.sheetId, 1));
  const protection = planMetricsProtection(tab, {
    config: input.config,
    serviceAccountEmail: input.serviceAccountEmail,
    rowOf: states.rowOf,
    retiredRows: states.retiredRows,
    valueColumnRuns: runs,
    rowsInserted: rows.placement.placed.length > 0,
    lockedColumns: (input.lockedPeriodIds ?? []).flatMap((periodId) => {
      const column = columns.periods.get(periodId);
      return column === undefined ? [] : [{ periodId, column }];
    }),
  });
  requests.push(...protection.requests);
  const { personal } = protection;
  const moved = rows.identities.moved;
  const notices = personal === undefined ? [] : [sheetProtectionNotice(tab.title, personal)];
  if (moved.length > 0) notices.push(realignedNotice(tab.title, moved));
  const plan: MetricsTabPlan = { requests, realigned: moved, notices };
  const refusal = protectionRefusal(tab.title, personal, requests.length, input.serviceAccountEmail);
  if (refusal !== undefined) plan.refusal = refusal;
  return plan;
}

/** The Metrics tab: one row per installation and metric, one value column per period, partners' cells. */
export const metricsTab: TabModule<'metrics'> = {
  role: 'metrics',
  title: 'Metrics',
  // A fresh tab is created with exactly the label columns' width (period columns are appended).
  columnCount: METRICS_LABEL_COLUMNS.length,
  anchors: [ANCHOR_KEYS.entryRow, ANCHOR_KEYS.labelColumn, ANCHOR_KEYS.periodColumn],
  protection: 'planned',
  createdBySetup: true,
  plan: (planned, context) => planMetricsTab(planned.tab, planned.created, context),
};
