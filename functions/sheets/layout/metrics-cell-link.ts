import type { ReportingPeriod } from '../../domain/calendar/reporting-period';
import { type EntryKey, sheetRowKey } from '../../domain/entries/entry-key';
import { columnLetter } from '../../domain/import/a1-notation';
import { KEY_COLUMN_ID } from './anchors';
import { planMetricsColumns } from './metrics-columns';
import { readRowIdentities } from './row-identity';
import type { TabSnapshot } from './sheet-snapshot';

/** Where a value cell is on the Metrics tab, as a Sheets link and as a person reads it. */
export interface CellLink {
  /** "#gid=123&range=E12": how Sheets links a cell of the same spreadsheet. */
  href: string;
  /** "Metrics!E12" */
  a1: string;
}

export type CellLinker = (key: EntryKey) => CellLink | null;

/**
 * Finds value cells on the Metrics tab as setup finds them (the key cell names the row, the header
 * the period column), planning nothing: a status written after a sort still links the right cells.
 * null for a cell the tab does not show (no Metrics tab, a row or period column not set up yet).
 */
export function metricsCellLinker(
  tab: TabSnapshot | undefined,
  periods: readonly ReportingPeriod[],
): CellLinker {
  if (tab === undefined) return () => null;
  const columns = planMetricsColumns(tab, false, periods);
  const rows = readRowIdentities(tab, columns.labels.get(KEY_COLUMN_ID)).rows;
  return (key) => {
    const row = rows.get(sheetRowKey(key));
    const column = columns.periods.get(key.periodId);
    if (row === undefined || column === undefined || row >= tab.rowCount || column >= tab.columnCount)
      return null;
    const a1 = `${columnLetter(column)}${row + 1}`;
    return { href: `#gid=${tab.sheetId}&range=${a1}`, a1: `${tab.title}!${a1}` };
  };
}
