import type { OwedCell, PeriodStatus } from '../../domain/completeness/period-status';
import {
  INSTALLATION_STATUS_HEADERS,
  installationStatusRow,
  OWED_CELL_HEADERS,
  owedCellRow,
  type StatusCell,
  statusHeadline,
} from '../../domain/completeness/status-table';
import { ANCHOR_KEYS } from './anchors';
import type { CellLinker } from './metrics-cell-link';
import { BOLD, type CellData, numberCell, type Request, textCell, titleAndWidths } from './sheet-requests';
import type { TabSnapshot } from './sheet-snapshot';
import type { TabModule } from './tab-module';
import { planWindowBlock } from './window-block';

const COLUMN_WIDTHS = [300, 220, 110, 80, 80, 80, 80, 80, 220, 260, 260];
export const STATUS_COLUMN_COUNT = COLUMN_WIDTHS.length;
export const STATUS_TAB_TITLE_TEXT =
  'Completeness written by va-assess (Check completeness...): one block per reporting window, worst installation first';

const cellOf = (value: StatusCell): CellData =>
  typeof value === 'number' ? numberCell(value, '0') : textCell(value);

/** A formula's string literal: a quote is doubled, nothing else is special inside one. */
const literal = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/**
 * A link to the owed cell, as Sheets links cells: =HYPERLINK("#gid=…&range=E12", "Metrics!E12"). Both
 * strings are built here from the tab's id and a cell address, never from text a person typed.
 */
function linkCell(cell: OwedCell, linker: CellLinker): CellData {
  const link = linker(cell);
  if (link === null) return textCell('not on the Metrics tab');
  return { userEnteredValue: { formulaValue: `=HYPERLINK(${literal(link.href)},${literal(link.a1)})` } };
}

/** The rows of one window's status block, its first row carrying the window anchor, its last one blank. */
export function statusBlockRows(status: PeriodStatus, linker: CellLinker): CellData[][] {
  const owed = status.installations.flatMap((installation) => installation.owed);
  return [
    [textCell(`Status of ${status.window.label}`, BOLD)],
    [textCell(`As of ${status.asOf}`)],
    [textCell(statusHeadline(status))],
    [],
    INSTALLATION_STATUS_HEADERS.map((header) => textCell(header, BOLD)),
    ...status.installations.map((installation) => installationStatusRow(installation).map(cellOf)),
    [],
    [
      textCell(
        owed.length === 0 ? 'No value is owed.' : `Still owed (${owed.length}), worst installation first`,
        BOLD,
      ),
    ],
    ...(owed.length === 0
      ? []
      : [
          ['Cell', ...OWED_CELL_HEADERS].map((header) => textCell(header, BOLD)),
          ...owed.map((cell) => [linkCell(cell, linker), ...owedCellRow(cell).map(cellOf)]),
        ]),
    [],
  ];
}

/** Writes a window's Status block, replacing the one already there (see planWindowBlock). */
export function planStatusBlock(tab: TabSnapshot, status: PeriodStatus, linker: CellLinker): Request[] {
  return planWindowBlock(tab, status.window.id, statusBlockRows(status, linker));
}

/** The Status tab: one block per window, written by Check completeness... and after setup; setup creates it. */
export const statusTab: TabModule<'status'> = {
  role: 'status',
  title: 'Status',
  columnCount: STATUS_COLUMN_COUNT,
  anchors: [ANCHOR_KEYS.windowBlock],
  protection: 'generated',
  whenCreated: (sheetId) => titleAndWidths(sheetId, STATUS_TAB_TITLE_TEXT, COLUMN_WIDTHS),
  createdBySetup: true,
};
