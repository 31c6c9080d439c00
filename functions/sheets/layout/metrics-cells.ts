import type { ReportingPeriod } from '../../domain/calendar/reporting-period';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import { ANCHOR_KEYS } from './anchors';
import { METRICS_LABEL_COLUMNS, type MetricsColumns } from './metrics-columns';
import { type MetricsRows, rowKey } from './metrics-rows';
import { type StoredCell, VALUE_AND_PAINT_FIELDS, valueCellChanges, valueCellWrites } from './metrics-values';
import { anchorRow, type CellData, emptyCell, type Request, textCell, writeCells } from './sheet-requests';
import { cellPaint, cellText, type TabSnapshot } from './sheet-snapshot';

/** What the cells of the entry rows are planned from. */
export interface EntryCellsInput {
  config: ProjectConfig;
  periods: readonly ReportingPeriod[];
  stored: ReadonlyMap<string, StoredCell>;
}

/**
 * The rows the tab had: labels corrected, stored values written into empty value cells and painted
 * wherever the cell shows them (what a person typed is never overwritten).
 */
export function refreshExistingRows(
  tab: TabSnapshot,
  input: EntryCellsInput,
  columns: MetricsColumns,
  rows: MetricsRows,
): Request[] {
  const requests: Request[] = [];
  for (const installation of input.config.installations) {
    for (const metric of installation.metrics) {
      const readRow = rows.identities.rows.get(rowKey(installation, metric));
      if (readRow === undefined) continue;
      const row = rows.placement.shifted(readRow);
      for (const label of METRICS_LABEL_COLUMNS) {
        const column = columns.labels.get(label.id);
        const text = label.text(installation, metric);
        if (column !== undefined && cellText(tab, readRow, column) !== text) {
          requests.push(writeCells(tab.sheetId, row, column, [[textCell(text)]]));
        }
      }
      const changes = valueCellChanges({
        installation,
        metric,
        periods: input.periods,
        periodColumns: columns.periods,
        stored: input.stored,
        shown: (column) => ({
          text: column < tab.columnCount ? cellText(tab, readRow, column) : '',
          paint: cellPaint(tab, readRow, column),
        }),
      });
      requests.push(...valueCellWrites(tab.sheetId, row, changes));
    }
  }
  return requests;
}

/** The rows inserted by the plan: anchored, and written whole (labels and stored values). */
export function writeNewRows(
  sheetId: number,
  input: EntryCellsInput,
  columns: MetricsColumns,
  rows: MetricsRows,
): Request[] {
  const requests: Request[] = [];
  for (const { item, row } of rows.placement.placed) {
    const { installation, metric } = item;
    requests.push(anchorRow(sheetId, row, ANCHOR_KEYS.entryRow, rowKey(installation, metric)));
    const cells: CellData[] = Array.from({ length: columns.count }, () => emptyCell);
    for (const label of METRICS_LABEL_COLUMNS) {
      const column = columns.labels.get(label.id);
      if (column !== undefined) cells[column] = textCell(label.text(installation, metric));
    }
    const values = valueCellChanges({
      installation,
      metric,
      periods: input.periods,
      periodColumns: columns.periods,
      stored: input.stored,
    });
    for (const { column, cell } of values) cells[column] = cell;
    // Inserted rows inherit their neighbour's colours: the whole row is written, paint included.
    requests.push(writeCells(sheetId, row, 0, [cells], VALUE_AND_PAINT_FIELDS));
  }
  return requests;
}
