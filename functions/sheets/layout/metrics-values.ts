import type { PeriodId, ReportingPeriod } from '../../domain/calendar/reporting-period';
import type { Installation } from '../../domain/config/installation-schema';
import type { MetricDefinition } from '../../domain/config/metric-definition-schema';
import { entryKeyString } from '../../domain/entries/entry-key';
import { PAINT_FIELDS, paintedCell, samePaint } from './cell-paint-requests';
import type { CellPaint } from './outcome-paint';
import { type CellData, type Request, writeCells } from './sheet-requests';

/** A stored current value as the sheet shows it. */
export interface StoredCell {
  text: string;
  paint: CellPaint;
}

/** Key of a stored value in setup's map: the domain's form of the entry key (entry-key.ts). */
export const valueKey = (installationId: string, metricId: string, periodId: PeriodId): string =>
  entryKeyString({ installationId, metricId, periodId });

export const VALUE_AND_PAINT_FIELDS = `userEnteredValue,${PAINT_FIELDS}`;

/** What one value cell needs: its column, the cell data and the fields that data sets. */
export interface ValueCellChange {
  column: number;
  cell: CellData;
  fields: string;
}

/** One entry row's value cells: where they are, what is stored for them, what they show now. */
export interface ValueRow {
  installation: Installation;
  metric: MetricDefinition;
  periods: readonly ReportingPeriod[];
  periodColumns: ReadonlyMap<string, number>;
  stored: ReadonlyMap<string, StoredCell>;
  /** The cell's text and paint as read; undefined for a row inserted by this plan (every cell empty). */
  shown?: (column: number) => StoredCell;
}

/**
 * Stored values written into EMPTY value cells only (painted as their outcome was), painted wherever
 * the cell still shows exactly that text; any other text is a person's edit no trigger saw: value,
 * colour and note stay as they are.
 */
export function valueCellChanges(row: ValueRow): ValueCellChange[] {
  const changes: ValueCellChange[] = [];
  for (const period of row.periods) {
    const column = row.periodColumns.get(period.id);
    const value = row.stored.get(valueKey(row.installation.id, row.metric.id, period.id));
    if (column === undefined || value === undefined || value.text === '') continue;
    const inCell = row.shown?.(column);
    if (inCell === undefined || inCell.text === '') {
      changes.push({ column, cell: paintedCell(value.paint, value.text), fields: VALUE_AND_PAINT_FIELDS });
    } else if (inCell.text === value.text && !samePaint(inCell.paint, value.paint)) {
      // The stored value, maybe never painted (typed before the add-on, or by the API): paint it.
      changes.push({ column, cell: paintedCell(value.paint), fields: PAINT_FIELDS });
    }
  }
  return changes;
}

/**
 * One updateCells per run of adjacent value cells changed alike: a first setup of a sheet painted by
 * nobody stays a few thousand requests, not one per cell, for 200 installations.
 */
export function valueCellWrites(
  sheetId: number,
  row: number,
  changes: readonly ValueCellChange[],
): Request[] {
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
