import { CsvError, parse } from 'csv-parse/sync';
import { listPeriods, type PeriodId, type ReportingPeriod } from '../calendar/reporting-period';
import type { ProjectConfig } from '../config/project-config-schema';
import type { RawEntry } from '../entries/entry';
import { unvalidatedRowKey } from '../entries/entry-key';
import { InvalidMetricsTableError } from '../errors';
import { cellReference, columnLetter } from './a1-notation';
import { csvLine } from './csv-cell';

/**
 * The sheet's Metrics tab (or a CSV export of it): one row per installation x metric, one column
 * per reporting period. Structure is checked here; the values themselves are left to validation,
 * which judges each cell on its own so one bad figure never hides the others.
 */

/** A Metrics tab of the largest project is well under 1 MB; anything past this is not such a table. */
export const MAX_METRICS_TABLE_BYTES = 5 * 1024 * 1024;

const BYTE_ORDER_MARK = '\uFEFF';

/** "P1", or "P1 (M01–M06)" as the sheet labels it; any dash between the months. */
const PERIOD_HEADER = /^p([1-9][0-9]*)(?:\s*\(\s*m([0-9]+)\s*[-–—]\s*m([0-9]+)\s*\))?$/i;

type Column =
  | { kind: 'installation' }
  | { kind: 'metric' }
  | { kind: 'period'; period: ReportingPeriod }
  /** A header left empty: tolerated as long as nothing is written below it (trailing export columns). */
  | { kind: 'blank' };

interface Header {
  columns: Column[];
  installationColumn?: number;
  metricColumn?: number;
}

function expectedHeader(periods: ReportingPeriod[]): string {
  const last = periods[periods.length - 1];
  const range = last === undefined ? 'P1' : `P1..${last.id}`;
  return `installation, metric and period columns ${range} (e.g. "P1" or "P1 (M01–M06)")`;
}

function readHeader(
  cells: string[],
  periods: ReportingPeriod[],
  sourceName: string,
  problems: string[],
): Header {
  const header: Header = { columns: [] };
  const seenPeriods = new Map<string, number>();
  let periodHeaders = 0;
  cells.forEach((cell, columnIndex) => {
    const at = cellReference(sourceName, columnIndex, 1);
    const text = cell.trim();
    const lower = text.toLowerCase();
    if (lower === 'installation' || lower === 'metric') {
      const key = lower === 'installation' ? 'installationColumn' : 'metricColumn';
      const previous = header[key];
      if (previous !== undefined) {
        problems.push(`${at}: second "${lower}" column (the first is column ${columnLetter(previous)})`);
      } else {
        header[key] = columnIndex;
      }
      header.columns.push({ kind: lower });
      return;
    }
    if (text === '') {
      header.columns.push({ kind: 'blank' });
      return;
    }
    const match = PERIOD_HEADER.exec(text);
    if (match?.[1] === undefined) {
      problems.push(`${at}: unknown column "${text}"; expected ${expectedHeader(periods)}`);
      header.columns.push({ kind: 'blank' });
      return;
    }
    periodHeaders += 1;
    const index = Number(match[1]);
    const period = periods[index - 1];
    if (period === undefined) {
      const last = periods[periods.length - 1];
      problems.push(
        `${at}: period P${index} is beyond the project, whose periods are P1..${last?.id ?? 'P1'}`,
      );
      header.columns.push({ kind: 'blank' });
      return;
    }
    if (match[2] !== undefined && match[3] !== undefined) {
      const [firstMonth, lastMonth] = [Number(match[2]), Number(match[3])];
      if (firstMonth !== period.firstMonth || lastMonth !== period.lastMonth) {
        problems.push(`${at}: "${text}" does not match the calendar: ${period.id} is ${period.label}`);
      }
    }
    const previous = seenPeriods.get(period.id);
    if (previous !== undefined) {
      problems.push(`${at}: second column for ${period.id} (the first is column ${columnLetter(previous)})`);
      header.columns.push({ kind: 'blank' });
      return;
    }
    seenPeriods.set(period.id, columnIndex);
    header.columns.push({ kind: 'period', period });
  });
  for (const name of ['installation', 'metric'] as const) {
    if (header[`${name}Column`] === undefined) {
      problems.push(`${sourceName} row 1: missing column "${name}"; expected ${expectedHeader(periods)}`);
    }
  }
  if (periodHeaders === 0) {
    problems.push(`${sourceName} row 1: no period column; expected ${expectedHeader(periods)}`);
  }
  return header;
}

function parseRecords(csvText: string, sourceName: string): string[][] {
  try {
    // Blank lines are kept so that record i is sheet row i + 1, as the person sees it.
    return parse(csvText, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    if (error instanceof CsvError) throw new InvalidMetricsTableError([`${sourceName}: ${error.message}`]);
    throw error;
  }
}

/**
 * Reads a Metrics table into one RawEntry per non-empty value cell, each with the cell it came
 * from ("metrics.csv!C7"). Unknown installation or metric ids are returned like any other entry
 * so that validation rejects them cell by cell; only problems with the table's shape throw
 * InvalidMetricsTableError, listing all of them at once. A leading byte order mark (Excel's
 * "CSV UTF-8") is accepted; one anywhere else is invisible junk in an id or value and is reported.
 */
export function parseMetricsTable(csvText: string, config: ProjectConfig, sourceName: string): RawEntry[] {
  const bytes = Buffer.byteLength(csvText, 'utf8');
  if (bytes > MAX_METRICS_TABLE_BYTES) {
    throw new InvalidMetricsTableError([
      `${sourceName}: ${bytes} bytes; a metrics table is at most ${MAX_METRICS_TABLE_BYTES} bytes (5 MB)`,
    ]);
  }
  const records = parseRecords(csvText, sourceName);
  const headerCells = records[0];
  if (headerCells === undefined || headerCells.every((cell) => cell.trim() === '')) {
    throw new InvalidMetricsTableError([
      `${sourceName} row 1: the table is empty; expected a header row with ${expectedHeader(listPeriods(config.project))}`,
    ]);
  }
  const problems: string[] = [];
  const periods = listPeriods(config.project);
  headerCells.forEach((cell, columnIndex) => {
    if (cell.includes(BYTE_ORDER_MARK)) {
      problems.push(
        `${cellReference(sourceName, columnIndex, 1)}: invisible byte order mark (U+FEFF) in the header`,
      );
    }
  });
  const header = readHeader(headerCells, periods, sourceName, problems);
  const { installationColumn, metricColumn } = header;
  const entries: RawEntry[] = [];
  const firstRowOfKey = new Map<string, number>();

  records.slice(1).forEach((cells, recordIndex) => {
    const rowNumber = recordIndex + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (cells.length !== headerCells.length) {
      problems.push(
        `${sourceName} row ${rowNumber}: ${cells.length} cells where the header has ${headerCells.length}`,
      );
      return;
    }
    cells.forEach((cell, columnIndex) => {
      if (cell.includes(BYTE_ORDER_MARK)) {
        problems.push(
          `${cellReference(sourceName, columnIndex, rowNumber)}: invisible byte order mark (U+FEFF) in "${cell.replaceAll(BYTE_ORDER_MARK, '')}"`,
        );
      }
      if (header.columns[columnIndex]?.kind === 'blank' && cell.trim() !== '') {
        problems.push(
          `${cellReference(sourceName, columnIndex, rowNumber)}: "${cell.trim()}" is in a column without a valid header`,
        );
      }
    });
    if (installationColumn === undefined || metricColumn === undefined) return;
    const installationId = (cells[installationColumn] ?? '').trim();
    const metricId = (cells[metricColumn] ?? '').trim();
    if (installationId === '' || metricId === '') {
      const emptyColumn = installationId === '' ? installationColumn : metricColumn;
      problems.push(
        `${cellReference(sourceName, emptyColumn, rowNumber)}: ${installationId === '' ? 'installation' : 'metric'} id is empty in a row that has values`,
      );
      return;
    }
    const key = unvalidatedRowKey({ installationId, metricId });
    const firstRow = firstRowOfKey.get(key);
    if (firstRow !== undefined) {
      problems.push(
        `${sourceName} row ${rowNumber}: installation "${installationId}" x metric "${metricId}" already has row ${firstRow}`,
      );
      return;
    }
    firstRowOfKey.set(key, rowNumber);
    header.columns.forEach((column, columnIndex) => {
      const raw = cells[columnIndex];
      if (column.kind !== 'period' || raw === undefined || raw.trim() === '') return;
      entries.push({
        installationId,
        metricId,
        periodId: column.period.id,
        raw,
        cell: cellReference(sourceName, columnIndex, rowNumber),
      });
    });
  });

  if (problems.length > 0) throw new InvalidMetricsTableError(problems);
  return entries;
}

export type MetricsTableValue = Pick<RawEntry, 'installationId' | 'metricId' | 'periodId' | 'raw'>;

/**
 * Writes values back as a Metrics table that parseMetricsTable reads identically: every
 * configured installation x metric in configuration order (empty cells where nothing was
 * entered, so partners see what is missing), then any rows for ids the configuration does not
 * know, so nothing is dropped. Period columns run from P1 to the latest period with a value.
 */
export function formatMetricsTable(config: ProjectConfig, entries: readonly MetricsTableValue[]): string {
  const periods = listPeriods(config.project);
  const problems: string[] = [];
  const rows = new Map<string, { installationId: string; metricId: string; values: Map<PeriodId, string> }>();
  const rowFor = (installationId: string, metricId: string) => {
    const key = unvalidatedRowKey({ installationId, metricId });
    let row = rows.get(key);
    if (row === undefined) {
      row = { installationId, metricId, values: new Map() };
      rows.set(key, row);
    }
    return row;
  };
  for (const installation of config.installations) {
    for (const metric of installation.metrics) rowFor(installation.id, metric.id);
  }
  let periodCount = 1;
  for (const entry of entries) {
    const index = periods.findIndex((period) => period.id === entry.periodId);
    if (index < 0) {
      problems.push(
        `${entry.installationId} x ${entry.metricId}: period ${entry.periodId} is not one of P1..${periods[periods.length - 1]?.id}`,
      );
      continue;
    }
    periodCount = Math.max(periodCount, index + 1);
    const row = rowFor(entry.installationId, entry.metricId);
    if (row.values.has(entry.periodId)) {
      problems.push(`${entry.installationId} x ${entry.metricId} x ${entry.periodId}: given twice`);
      continue;
    }
    row.values.set(entry.periodId, entry.raw === null ? '' : String(entry.raw));
  }
  if (problems.length > 0) throw new InvalidMetricsTableError(problems);
  const shown = periods.slice(0, periodCount);
  const lines = [csvLine(['installation', 'metric', ...shown.map((period) => period.id)])];
  for (const row of rows.values()) {
    lines.push(
      csvLine([row.installationId, row.metricId, ...shown.map((period) => row.values.get(period.id) ?? '')]),
    );
  }
  return `${lines.join('\n')}\n`;
}
