import type { ReportingPeriod } from '../../domain/calendar/reporting-period';
import type { Installation } from '../../domain/config/installation-schema';
import type { MetricDefinition } from '../../domain/config/metric-definition-schema';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import {
  ANCHOR_KEYS,
  entryRowValue,
  KEY_COLUMN_HEADER,
  KEY_COLUMN_ID,
  parseEntryRowValue,
  periodHeaderText,
  periodIdOfHeader,
} from './anchors';
import { PAINT_FIELDS, paintedCell, samePaint } from './cell-paint-requests';
import { columnSlot, readColumnIdentities } from './column-identity';
import type { CellPaint } from './outcome-paint';
import {
  type DesiredProtection,
  editorList,
  personalSheetProtection,
  protectionDescriptions,
  replaceProtections,
  syncProtections,
} from './protection';
import { retireLabels, reviveLabels } from './retired-rows';
import { type MovedRow, readRowIdentities } from './row-identity';
import { placeNewRows } from './row-placement';
import { outsideValueColumns, sheetProtectionNotice } from './sheet-protection-by-person';
import {
  anchorColumn,
  anchorRow,
  appendColumns,
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
import { cellPaint, cellText, type TabSnapshot } from './sheet-snapshot';

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

/** Key of a stored value: "<installationId>/<metricId>/<periodId>". */
export const valueKey = (installationId: string, metricId: string, periodId: string): string =>
  `${installationId}/${metricId}/${periodId}`;

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
}

/** A stored current value as the sheet shows it. */
export interface StoredCell {
  text: string;
  paint: CellPaint;
}

interface NewRow {
  installation: Installation;
  metric: MetricDefinition;
}

interface ValueCellChange {
  column: number;
  cell: CellData;
  fields: string;
}

const VALUE_AND_PAINT_FIELDS = `userEnteredValue,${PAINT_FIELDS}`;

/**
 * One updateCells per run of adjacent value cells changed alike: a first setup of a sheet painted by
 * nobody stays a few thousand requests, not one per cell, for 200 installations.
 */
function valueCellWrites(sheetId: number, row: number, changes: readonly ValueCellChange[]): Request[] {
  const sorted = [...changes].sort((a, b) => a.column - b.column);
  const requests: Request[] = [];
  let run: ValueCellChange[] = [];
  const flush = () => {
    const first = run[0];
    if (first !== undefined) {
      requests.push(writeCells(sheetId, row, first.column, [run.map((change) => change.cell)], first.fields));
    }
    run = [];
  };
  for (const change of sorted) {
    const last = run[run.length - 1];
    if (last !== undefined && (last.column + 1 !== change.column || last.fields !== change.fields)) flush();
    run.push(change);
  }
  flush();
  return requests;
}

interface ColumnSpec {
  key: string;
  value: string;
  header: string;
  width: number;
}

/**
 * The Metrics tab brought in line with the config: missing label or period columns appended, new
 * entry rows inserted beside their installation's rows with their anchors, labels corrected, stored
 * values written into EMPTY value cells only and painted with their outcome wherever the cell shows
 * them (what a person typed is never overwritten), rows the config dropped kept but retired,
 * protection recomputed from where the rows are now.
 */
export function planMetricsTab(tab: TabSnapshot, created: boolean, input: MetricsTabInput): MetricsTabPlan {
  const { config, periods, stored } = input;
  const sheetId = tab.sheetId;
  const requests: Request[] = [];

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
  // Columns are known by their header cells (coordinators' only), metadata where a header was renamed.
  const columnIdentities = readColumnIdentities(
    tab,
    wanted.map((spec) => ({
      key: spec.key,
      value: spec.value,
      headed: (text: string) =>
        spec.key === ANCHOR_KEYS.periodColumn ? periodIdOfHeader(text) === spec.value : text === spec.header,
    })),
  );
  requests.push(...columnIdentities.metadataRequests);
  const located = (key: string) =>
    new Map(
      wanted.flatMap((spec) => {
        const column = columnIdentities.columns.get(columnSlot(spec.key, spec.value));
        return spec.key === key && column !== undefined ? [[spec.value, column] as const] : [];
      }),
    );
  const labelColumns = located(ANCHOR_KEYS.labelColumn);
  const periodColumns = located(ANCHOR_KEYS.periodColumn);
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

  // Rows are known by their key cells (they move with a sort), metadata only where a key cell is empty.
  const keyColumn = labelColumns.get(KEY_COLUMN_ID);
  const identities = readRowIdentities(
    tab,
    keyColumn !== undefined && keyColumn < tab.columnCount ? keyColumn : undefined,
  );
  const existingRows = identities.rows;
  requests.push(...identities.metadataRequests);
  // What a retired row greys: the labels a person reads, the installation's name (and its note) first.
  const labelColumnIndices = METRICS_LABEL_COLUMNS.flatMap((label) =>
    label.id === KEY_COLUMN_ID ? [] : (labelColumns.get(label.id) ?? []),
  );

  // Each new row goes right after its installation's last row; a new installation after the rows of
  // the one before it in the config (at the top when it is the first).
  const groups = new Map<number, NewRow[]>();
  let position = Math.min(1, tab.rowCount);
  for (const installation of config.installations) {
    const own = installation.metrics.flatMap(
      (metric) =>
        existingRows.get(entryRowValue({ installationId: installation.id, metricId: metric.id })) ?? [],
    );
    if (own.length > 0) position = Math.max(...own) + 1;
    for (const metric of installation.metrics) {
      if (existingRows.has(entryRowValue({ installationId: installation.id, metricId: metric.id }))) continue;
      groups.set(position, [...(groups.get(position) ?? []), { installation, metric }]);
    }
  }
  const placement = placeNewRows(sheetId, tab.rowCount, groups);
  requests.push(...placement.requests);
  for (const { key, row } of identities.unanchored) {
    requests.push(anchorRow(sheetId, placement.shifted(row), ANCHOR_KEYS.entryRow, key));
  }
  const finalRowCount = placement.rowCount;

  const rowOf = new Map<string, number>();
  const retiredRows: number[] = [];
  const active = new Set(
    config.installations.flatMap((installation) =>
      installation.metrics.map((metric) =>
        entryRowValue({ installationId: installation.id, metricId: metric.id }),
      ),
    ),
  );
  for (const [anchor, readRow] of existingRows) {
    const row = placement.shifted(readRow);
    rowOf.set(anchor, row);
    const cells = { tab, readRow, row, columns: labelColumnIndices };
    if (active.has(anchor)) {
      requests.push(...reviveLabels(cells));
      continue;
    }
    if (parseEntryRowValue(anchor) === undefined) continue;
    retiredRows.push(row);
    requests.push(...retireLabels(cells));
  }

  for (const installation of config.installations) {
    for (const metric of installation.metrics) {
      const readRow = existingRows.get(
        entryRowValue({ installationId: installation.id, metricId: metric.id }),
      );
      if (readRow === undefined) continue;
      const row = placement.shifted(readRow);
      for (const label of METRICS_LABEL_COLUMNS) {
        const column = labelColumns.get(label.id);
        const text = label.text(installation, metric);
        if (column !== undefined && cellText(tab, readRow, column) !== text) {
          requests.push(writeCells(sheetId, row, column, [[textCell(text)]]));
        }
      }
      const changes: ValueCellChange[] = [];
      for (const period of periods) {
        const column = periodColumns.get(period.id);
        const value = stored.get(valueKey(installation.id, metric.id, period.id));
        if (column === undefined || value === undefined || value.text === '') continue;
        const inCell = column < tab.columnCount ? cellText(tab, readRow, column) : '';
        if (inCell === '') {
          // An empty cell receives the stored value, painted as its outcome was.
          changes.push({
            column,
            cell: paintedCell(value.paint, value.text),
            fields: VALUE_AND_PAINT_FIELDS,
          });
        } else if (inCell === value.text) {
          // The stored value, maybe never painted (typed before the add-on, or by the API): paint it.
          if (!samePaint(cellPaint(tab, readRow, column), value.paint)) {
            changes.push({ column, cell: paintedCell(value.paint), fields: PAINT_FIELDS });
          }
        }
        // Any other text is a person's edit no trigger saw: value, colour and note stay as they are.
      }
      requests.push(...valueCellWrites(sheetId, row, changes));
    }
  }

  for (const { item, row } of placement.placed) {
    const { installation, metric } = item;
    rowOf.set(entryRowValue({ installationId: installation.id, metricId: metric.id }), row);
    requests.push(
      anchorRow(
        sheetId,
        row,
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
      const value = stored.get(valueKey(installation.id, metric.id, period.id));
      if (column !== undefined && value !== undefined && value.text !== '') {
        cells[column] = paintedCell(value.paint, value.text);
      }
    }
    // Inserted rows inherit their neighbour's colours: the whole row is written, paint included.
    requests.push(writeCells(sheetId, row, 0, [cells], VALUE_AND_PAINT_FIELDS));
  }

  const valueColumnRuns = consecutiveRuns(
    [...periods].flatMap((period) => periodColumns.get(period.id) ?? []),
  );
  if (placement.placed.length > 0 || newColumns.some(({ spec }) => spec.key === ANCHOR_KEYS.periodColumn)) {
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

  const personal = personalSheetProtection(tab);
  const protections = metricsProtections(
    input,
    sheetId,
    rowOf,
    retiredRows,
    valueColumnRuns,
    personal !== undefined,
  );
  // Inserted rows move the ranges already there: all of ours are replaced rather than matched.
  requests.push(
    ...(placement.placed.length > 0
      ? replaceProtections(tab.protectedRanges, protections)
      : syncProtections(tab.protectedRanges, protections)),
  );
  const notices = personal === undefined ? [] : [sheetProtectionNotice(tab.title, personal)];
  if (identities.moved.length > 0) notices.push(realignedNotice(tab.title, identities.moved));
  const plan: MetricsTabPlan = { requests, realigned: identities.moved, notices };
  const serviceAccount = input.serviceAccountEmail.trim().toLowerCase();
  if (
    personal !== undefined &&
    requests.length > 0 &&
    !editorList(personal.editors?.users ?? []).includes(serviceAccount)
  ) {
    plan.refusal = `${sheetProtectionNotice(tab.title, personal)} Setup has changes to make to the tab, but that protection does not list the service account ${serviceAccount} among its editors, so Google refuses them: add ${serviceAccount} to its editors (or remove it), then run setup again.`;
  }
  return plan;
}

/** "ifca-cpu/cpu-hours (row 7 → 3)": rows counted from 1, as the coordinator sees them. */
function realignedNotice(title: string, moved: readonly MovedRow[]): string {
  const shown = moved.slice(0, 10).map((item) => `${item.key} (row ${item.from + 1} → ${item.to + 1})`);
  const more = moved.length > shown.length ? ` and ${moved.length - shown.length} more` : '';
  return `${moved.length} rows of the ${title} tab had moved away from their anchors (a sort, or an edit of the sheet's metadata): each row is known by its key cell, so its anchor and the protection of its value cells were moved to where the key is now: ${shown.join(', ')}${more}.`;
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
  retiredRows: readonly number[],
  valueColumnRuns: readonly [number, number][],
  besideSheetProtection: boolean,
): DesiredProtection[] {
  const coordinators = editorList(input.config.project.coordinators, [input.serviceAccountEmail]);
  const valueColumns = (rows: [number, number] | undefined): GridRange[] =>
    valueColumnRuns.map(([start, end]) => ({
      sheetId,
      ...(rows === undefined ? { startRowIndex: 1 } : { startRowIndex: rows[0], endRowIndex: rows[1] }),
      startColumnIndex: start,
      endColumnIndex: end,
    }));
  const tabDescription = protectionDescriptions.tab('metrics');
  const protections: DesiredProtection[] = besideSheetProtection
    ? outsideValueColumns(sheetId, valueColumnRuns).map((range) => ({
        description: tabDescription,
        range,
        editors: coordinators,
      }))
    : [
        {
          description: tabDescription,
          range: { sheetId },
          editors: coordinators,
          unprotectedRanges: valueColumns(undefined),
        },
      ];
  // Without a range of their own, retired rows' value cells would be open to anyone (the tab's range
  // leaves the value columns to the installations' ranges).
  for (const run of consecutiveRuns(retiredRows)) {
    for (const range of valueColumns(run)) {
      protections.push({ description: protectionDescriptions.retired, range, editors: coordinators });
    }
  }
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
