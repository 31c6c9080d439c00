import { ANCHOR_KEYS, parseEntryRowValue } from './anchors';
import type { Request } from './sheet-requests';
import { cellText, type DimensionAnchor, type TabSnapshot } from './sheet-snapshot';

/**
 * Which installation and metric each Metrics row reports, read from its key cell.
 *
 * A sort permutes cell contents (values, notes, formats) while rows, their developer metadata and
 * the A1 ranges of protections stay where they were (see Sheet.sortRows in the local workbook). So a
 * row's identity is kept in a cell that moves with its values: the key column, "<installationId>/
 * <metricId>", which only coordinators and the service account may edit (the tab's protection covers
 * it; partners' ranges open value columns only). The row's metadata is a second witness: where the
 * two disagree the cell wins and the metadata is moved to match. Metadata alone names a row only
 * while its key cell is empty (a sheet set up before the key column existed): that row's key cell is
 * then written from it.
 */
export interface RowIdentities {
  /** "<installationId>/<metricId>" → the row (as read) that reports it. */
  rows: Map<string, number>;
  /** Metadata values set or deleted by id: each row's entry anchor made to match its key cell. */
  metadataRequests: Request[];
  /** Rows with a key but no entry anchor at all, to anchor once new rows are in (as read). */
  unanchored: { key: string; row: number }[];
  /** Keys whose metadata named another row than their key cell does now (a sort, a hostile edit). */
  moved: MovedRow[];
}

export interface MovedRow {
  key: string;
  /** 0-based rows as read: where the metadata said, where the key cell is. */
  from: number;
  to: number;
}

function deleteMetadata(metadataId: number): Request {
  return { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId } } } };
}

function setValue(metadataId: number, value: string): Request {
  return {
    updateDeveloperMetadata: {
      dataFilters: [{ developerMetadataLookup: { metadataId } }],
      developerMetadata: { metadataValue: value },
      fields: 'metadataValue',
    },
  };
}

/** `keyColumn` undefined: the tab has no key column yet, metadata is all there is. */
export function readRowIdentities(tab: TabSnapshot, keyColumn: number | undefined): RowIdentities {
  const anchors = tab.rowAnchors
    .filter((anchor) => anchor.key === ANCHOR_KEYS.entryRow)
    .sort((a, b) => a.index - b.index || a.metadataId - b.metadataId);
  const keyCell = (row: number): string => (keyColumn === undefined ? '' : cellText(tab, row, keyColumn));

  const rows = new Map<string, number>();
  for (let row = 1; row < tab.rowCount; row += 1) {
    const key = keyCell(row);
    if (parseEntryRowValue(key) !== undefined && !rows.has(key)) rows.set(key, row);
  }
  for (const anchor of anchors) {
    const valid = parseEntryRowValue(anchor.value) !== undefined;
    if (valid && anchor.index >= 1 && keyCell(anchor.index) === '' && !rows.has(anchor.value)) {
      rows.set(anchor.value, anchor.index);
    }
  }

  const keyOfRow = new Map([...rows].map(([key, row]) => [row, key]));
  const anchorsOfRow = new Map<number, DimensionAnchor[]>();
  for (const anchor of anchors)
    anchorsOfRow.set(anchor.index, [...(anchorsOfRow.get(anchor.index) ?? []), anchor]);
  const metadataRequests: Request[] = [];
  const unanchored: RowIdentities['unanchored'] = [];
  for (const [row, key] of keyOfRow) {
    const [kept, ...extra] = anchorsOfRow.get(row) ?? [];
    if (kept === undefined) unanchored.push({ key, row });
    else if (kept.value !== key) metadataRequests.push(setValue(kept.metadataId, key));
    for (const anchor of extra) metadataRequests.push(deleteMetadata(anchor.metadataId));
  }
  for (const [row, found] of anchorsOfRow) {
    if (keyOfRow.has(row)) continue;
    for (const anchor of found) metadataRequests.push(deleteMetadata(anchor.metadataId));
  }

  const firstAnchorRow = new Map<string, number>();
  for (const anchor of anchors)
    if (!firstAnchorRow.has(anchor.value)) firstAnchorRow.set(anchor.value, anchor.index);
  const moved: MovedRow[] = [];
  for (const [key, row] of rows) {
    const from = firstAnchorRow.get(key);
    if (from !== undefined && from !== row) moved.push({ key, from, to: row });
  }
  moved.sort((a, b) => a.to - b.to);
  return { rows, metadataRequests, unanchored, moved };
}
