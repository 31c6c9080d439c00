import type { ReportingPeriod } from '../../domain/calendar/reporting-period';
import type { Installation } from '../../domain/config/installation-schema';
import type { MetricDefinition } from '../../domain/config/metric-definition-schema';
import {
  ANCHOR_KEYS,
  entryRowValue,
  KEY_COLUMN_HEADER,
  KEY_COLUMN_ID,
  periodHeaderText,
  periodIdOfHeader,
} from './anchors';
import { columnSlot, readColumnIdentities } from './column-identity';
import {
  anchorColumn,
  appendColumns,
  BOLD,
  columnWidth,
  consecutiveRuns,
  type Request,
  textCell,
  writeCells,
} from './sheet-requests';
import { cellText, type TabSnapshot } from './sheet-snapshot';

interface LabelColumn {
  id: string;
  header: string;
  width: number;
  text(installation: Installation, metric: MetricDefinition): string;
}

/**
 * The label columns of the Metrics tab, each anchored so a person may move them. The first, narrow,
 * holds the row's key as text ("ifca-cpu/cpu-hours"): it moves with the row's values when someone
 * sorts, so it, not the row's metadata, says whose values a row holds (see row-identity.ts).
 */
export const METRICS_LABEL_COLUMNS: readonly LabelColumn[] = [
  {
    id: KEY_COLUMN_ID,
    header: KEY_COLUMN_HEADER,
    width: 60,
    text: (installation, metric) => entryRowValue({ installationId: installation.id, metricId: metric.id }),
  },
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
export const periodHeader = (period: ReportingPeriod): string => periodHeaderText(period.id, period.label);

interface ColumnSpec {
  key: string;
  value: string;
  header: string;
  width: number;
}

/** Where the Metrics tab's columns are once the plan's requests are applied. */
export interface MetricsColumns {
  requests: Request[];
  /** Label column index by label column id. */
  labels: Map<string, number>;
  /** Value column index by period id. */
  periods: Map<string, number>;
  /** The tab's column count after the plan. */
  count: number;
  /** Whether a period column was added (its cells then need their text format). */
  addedPeriod: boolean;
}

function wantedColumns(periods: readonly ReportingPeriod[]): ColumnSpec[] {
  return [
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
}

/**
 * The Metrics tab's label and period columns: found by their header cells (coordinators' only),
 * metadata where a header was renamed; missing ones appended with their anchor and width; headers
 * corrected.
 */
export function planMetricsColumns(
  tab: TabSnapshot,
  created: boolean,
  periods: readonly ReportingPeriod[],
): MetricsColumns {
  const sheetId = tab.sheetId;
  const wanted = wantedColumns(periods);
  const identities = readColumnIdentities(
    tab,
    wanted.map((spec) => ({
      key: spec.key,
      value: spec.value,
      headed: (text: string) =>
        spec.key === ANCHOR_KEYS.periodColumn ? periodIdOfHeader(text) === spec.value : text === spec.header,
    })),
  );
  const requests: Request[] = [...identities.metadataRequests];
  const located = (key: string) =>
    new Map(
      wanted.flatMap((spec) => {
        const column = identities.columns.get(columnSlot(spec.key, spec.value));
        return spec.key === key && column !== undefined ? [[spec.value, column] as const] : [];
      }),
    );
  const labels = located(ANCHOR_KEYS.labelColumn);
  const periodColumns = located(ANCHOR_KEYS.periodColumn);
  const columnsOf = (spec: ColumnSpec) => (spec.key === ANCHOR_KEYS.labelColumn ? labels : periodColumns);
  // A fresh tab is created with exactly the label columns' width, all of them still to anchor.
  let count = created ? 0 : tab.columnCount;
  const added: { spec: ColumnSpec; index: number }[] = [];
  for (const spec of wanted) {
    if (columnsOf(spec).has(spec.value)) continue;
    columnsOf(spec).set(spec.value, count);
    added.push({ spec, index: count });
    count += 1;
  }
  if (count > tab.columnCount) requests.push(appendColumns(sheetId, count - tab.columnCount));
  for (const { spec, index } of added) {
    requests.push(anchorColumn(sheetId, index, spec.key, spec.value));
    requests.push(columnWidth(sheetId, index, spec.width));
  }
  for (const spec of wanted) {
    const column = columnsOf(spec).get(spec.value);
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
  return {
    requests,
    labels,
    periods: periodColumns,
    count,
    addedPeriod: added.some(({ spec }) => spec.key === ANCHOR_KEYS.periodColumn),
  };
}

/** The value columns of `periods`, as runs of adjacent columns [start, end). */
export function valueColumnRuns(
  columns: MetricsColumns,
  periods: readonly ReportingPeriod[],
): [number, number][] {
  return consecutiveRuns([...periods].flatMap((period) => columns.periods.get(period.id) ?? []));
}
