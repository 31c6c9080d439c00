import type { ReportingPeriod } from '../../domain/calendar/reporting-period';
import type { Installation } from '../../domain/config/installation-schema';
import type { MetricDefinition } from '../../domain/config/metric-definition-schema';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import { ANCHOR_KEYS, entryRowValue } from './anchors';
import { type DesiredProtection, editorList, protectionDescriptions, syncProtections } from './protection';
import {
  anchorColumn,
  anchorRow,
  appendColumns,
  appendRows,
  BOLD,
  type CellData,
  columnWidth,
  consecutiveRuns,
  emptyCell,
  formatRange,
  freezeRows,
  type GridRange,
  type Request,
  TEXT_FORMAT,
  textCell,
  writeCells,
} from './sheet-requests';
import { cellText, columnsByAnchor, rowsByAnchor, type TabSnapshot } from './sheet-snapshot';

interface LabelColumn {
  id: string;
  header: string;
  width: number;
  text(installation: Installation, metric: MetricDefinition): string;
}

/** The label columns of the Metrics tab, each anchored so a person may move them. */
export const METRICS_LABEL_COLUMNS: readonly LabelColumn[] = [
  { id: 'installation', header: 'Installation', width: 280, text: (installation) => installation.name },
  { id: 'metric', header: 'Metric', width: 320, text: (_, metric) => metric.label },
  { id: 'unit', header: 'Unit', width: 110, text: (_, metric) => metric.unit },
  {
    id: 'baseline',
    header: 'Baseline',
    width: 120,
    text: (_, metric) => (metric.baseline === null ? '' : String(metric.baseline)),
  },
  { id: 'measured-by', header: 'How measured', width: 220, text: (_, metric) => metric.measuredBy },
  { id: 'aggregation', header: 'Aggregation', width: 100, text: (_, metric) => metric.aggregation },
];

const PERIOD_COLUMN_WIDTH = 140;

/** "P1 (M01–M06)": the header of a period's value column. */
export const periodHeader = (period: ReportingPeriod): string => `${period.id} (${period.label})`;

/** Key of a stored value: "<installationId>/<metricId>/<periodId>". */
export const valueKey = (installationId: string, metricId: string, periodId: string): string =>
  `${installationId}/${metricId}/${periodId}`;

export interface MetricsTabInput {
  config: ProjectConfig;
  /** The reporting periods up to the current one. */
  periods: readonly ReportingPeriod[];
  /** What partners typed, as stored (valueKey → raw text); written only into empty cells. */
  storedRaw: ReadonlyMap<string, string>;
  serviceAccountEmail: string;
}

interface ColumnSpec {
  key: string;
  value: string;
  header: string;
  width: number;
}

/**
 * The Metrics tab brought in line with the config: missing label or period columns and entry rows
 * appended with their anchors, labels corrected, stored values written into EMPTY value cells only
 * (what a person typed is never overwritten), protection recomputed from where the rows are now.
 */
export function planMetricsTab(tab: TabSnapshot, created: boolean, input: MetricsTabInput): Request[] {
  const { config, periods, storedRaw } = input;
  const sheetId = tab.sheetId;
  const requests: Request[] = [];

  const labelColumns = columnsByAnchor(tab, ANCHOR_KEYS.labelColumn);
  const periodColumns = columnsByAnchor(tab, ANCHOR_KEYS.periodColumn);
  const wanted: ColumnSpec[] = [
    ...METRICS_LABEL_COLUMNS.map((column) => ({
      key: ANCHOR_KEYS.labelColumn,
      value: column.id,
      header: column.header,
      width: column.width,
    })),
    ...periods.map((period) => ({
      key: ANCHOR_KEYS.periodColumn,
      value: period.id,
      header: periodHeader(period),
      width: PERIOD_COLUMN_WIDTH,
    })),
  ];
  // A fresh tab is created with exactly the label columns' width, all of them still to anchor.
  let columnCount = created ? 0 : tab.columnCount;
  const newColumns: { spec: ColumnSpec; index: number }[] = [];
  for (const spec of wanted) {
    const found = spec.key === ANCHOR_KEYS.labelColumn ? labelColumns : periodColumns;
    if (found.has(spec.value)) continue;
    const index = columnCount;
    columnCount += 1;
    found.set(spec.value, index);
    newColumns.push({ spec, index });
  }
  if (columnCount > tab.columnCount) requests.push(appendColumns(sheetId, columnCount - tab.columnCount));
  for (const { spec, index } of newColumns) {
    requests.push(anchorColumn(sheetId, index, spec.key, spec.value));
    requests.push(columnWidth(sheetId, index, spec.width));
  }
  for (const spec of wanted) {
    const column = (spec.key === ANCHOR_KEYS.labelColumn ? labelColumns : periodColumns).get(spec.value);
    if (column !== undefined && cellText(tab, 0, column) !== spec.header) {
      requests.push(
        writeCells(
          sheetId,
          0,
          column,
          [[textCell(spec.header, BOLD)]],
          'userEnteredValue,userEnteredFormat.textFormat.bold',
        ),
      );
    }
  }

  const existingRows = rowsByAnchor(tab, ANCHOR_KEYS.entryRow);
  const rowOf = new Map(existingRows);
  const appended: { installation: Installation; metric: MetricDefinition }[] = [];
  for (const installation of config.installations) {
    for (const metric of installation.metrics) {
      const anchor = entryRowValue({ installationId: installation.id, metricId: metric.id });
      const row = existingRows.get(anchor);
      if (row === undefined) {
        rowOf.set(anchor, tab.rowCount + appended.length);
        appended.push({ installation, metric });
        continue;
      }
      for (const label of METRICS_LABEL_COLUMNS) {
        const column = labelColumns.get(label.id);
        const text = label.text(installation, metric);
        if (column !== undefined && cellText(tab, row, column) !== text) {
          requests.push(writeCells(sheetId, row, column, [[textCell(text)]]));
        }
      }
      for (const period of periods) {
        const column = periodColumns.get(period.id);
        const raw = storedRaw.get(valueKey(installation.id, metric.id, period.id));
        if (column === undefined || raw === undefined || raw === '') continue;
        // Only an empty cell receives the stored value: a person's text stays whatever it is.
        if (column < tab.columnCount && cellText(tab, row, column) !== '') continue;
        requests.push(writeCells(sheetId, row, column, [[textCell(raw)]]));
      }
    }
  }

  const finalRowCount = tab.rowCount + appended.length;
  if (appended.length > 0) {
    requests.push(appendRows(sheetId, appended.length));
    const rows: CellData[][] = appended.map(({ installation, metric }, offset) => {
      requests.push(
        anchorRow(
          sheetId,
          tab.rowCount + offset,
          ANCHOR_KEYS.entryRow,
          entryRowValue({ installationId: installation.id, metricId: metric.id }),
        ),
      );
      const cells: CellData[] = Array.from({ length: columnCount }, () => emptyCell);
      for (const label of METRICS_LABEL_COLUMNS) {
        const column = labelColumns.get(label.id);
        if (column !== undefined) cells[column] = textCell(label.text(installation, metric));
      }
      for (const period of periods) {
        const column = periodColumns.get(period.id);
        const raw = storedRaw.get(valueKey(installation.id, metric.id, period.id));
        if (column !== undefined && raw !== undefined && raw !== '') cells[column] = textCell(raw);
      }
      return cells;
    });
    requests.push(writeCells(sheetId, tab.rowCount, 0, rows));
  }

  const valueColumnRuns = consecutiveRuns(
    [...periods].flatMap((period) => periodColumns.get(period.id) ?? []),
  );
  if (appended.length > 0 || newColumns.some(({ spec }) => spec.key === ANCHOR_KEYS.periodColumn)) {
    // Text format on every value cell: setting a format again changes nothing a person typed.
    for (const [start, end] of valueColumnRuns) {
      requests.push(
        formatRange(
          {
            sheetId,
            startRowIndex: 1,
            endRowIndex: finalRowCount,
            startColumnIndex: start,
            endColumnIndex: end,
          },
          TEXT_FORMAT,
          'userEnteredFormat.numberFormat',
        ),
      );
    }
  }
  if (tab.frozenRowCount < 1 && finalRowCount > 1) requests.push(freezeRows(sheetId, 1));

  requests.push(
    ...syncProtections(tab.protectedRanges, metricsProtections(input, sheetId, rowOf, valueColumnRuns)),
  );
  return requests;
}

/**
 * The whole tab (labels, header, ids) is coordinators' except the value columns, which each
 * installation's own protected ranges open to its editors. Ranges follow the rows where they are
 * now: after a sort an installation's rows may form several runs, each protected alike.
 */
function metricsProtections(
  input: MetricsTabInput,
  sheetId: number,
  rowOf: ReadonlyMap<string, number>,
  valueColumnRuns: readonly [number, number][],
): DesiredProtection[] {
  const coordinators = editorList(input.config.project.coordinators, [input.serviceAccountEmail]);
  const valueColumns = (rows: [number, number] | undefined): GridRange[] =>
    valueColumnRuns.map(([start, end]) => ({
      sheetId,
      ...(rows === undefined ? { startRowIndex: 1 } : { startRowIndex: rows[0], endRowIndex: rows[1] }),
      startColumnIndex: start,
      endColumnIndex: end,
    }));
  const protections: DesiredProtection[] = [
    {
      description: protectionDescriptions.tab('metrics'),
      range: { sheetId },
      editors: coordinators,
      unprotectedRanges: valueColumns(undefined),
    },
  ];
  for (const installation of input.config.installations) {
    const rows = installation.metrics.flatMap(
      (metric) => rowOf.get(entryRowValue({ installationId: installation.id, metricId: metric.id })) ?? [],
    );
    for (const run of consecutiveRuns(rows)) {
      for (const range of valueColumns(run)) {
        protections.push({
          description: protectionDescriptions.installation(installation.id),
          range,
          editors: editorList(installation.editors, coordinators),
        });
      }
    }
  }
  return protections;
}
