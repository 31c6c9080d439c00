import { anchorColumn, type Request } from './sheet-requests';
import { cellText, type TabSnapshot } from './sheet-snapshot';

/** A column setup wants, the anchor that marks it and how its header cell reads. */
export interface ColumnIdentity {
  key: string;
  value: string;
  /** Whether a header cell (row 1, coordinators only) names this column. */
  headed(text: string): boolean;
}

export interface ColumnIdentities {
  /** `${key}\u0000${value}` → the column it is. */
  columns: Map<string, number>;
  /** Anchors moved to the columns their header cells name (deleted and created again). */
  metadataRequests: Request[];
}

export const columnSlot = (key: string, value: string): string => `${key}\u0000${value}`;

function deleteMetadata(metadataId: number): Request {
  return { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId } } } };
}

/**
 * Where each wanted column is: its header cell wins (the header row is coordinators' only), its
 * column metadata only locates a column whose header was renamed. Column metadata is writable by any
 * editor of the spreadsheet, and which columns are value columns decides what partners may edit, so it
 * must not decide that alone; where the two disagree the anchor is moved to the header's column.
 */
export function readColumnIdentities(tab: TabSnapshot, wanted: readonly ColumnIdentity[]): ColumnIdentities {
  const anchors = [...tab.columnAnchors].sort((a, b) => a.index - b.index || a.metadataId - b.metadataId);
  const claimed = new Set<number>();
  const columns = new Map<string, number>();
  const headed = new Map<string, number>();
  for (const spec of wanted) {
    for (let column = 0; column < tab.columnCount; column += 1) {
      if (!claimed.has(column) && spec.headed(cellText(tab, 0, column))) {
        claimed.add(column);
        headed.set(columnSlot(spec.key, spec.value), column);
        break;
      }
    }
  }
  for (const spec of wanted) {
    const slot = columnSlot(spec.key, spec.value);
    const byHeader = headed.get(slot);
    const byAnchor = anchors.find(
      (anchor) => anchor.key === spec.key && anchor.value === spec.value && !claimed.has(anchor.index),
    )?.index;
    const column = byHeader ?? byAnchor;
    if (column === undefined) continue;
    claimed.add(column);
    columns.set(slot, column);
  }

  const metadataRequests: Request[] = [];
  const keys = new Set(wanted.map((spec) => spec.key));
  const slotAt = new Map([...columns].map(([slot, column]) => [column, slot]));
  const anchored = new Set<string>();
  for (const anchor of anchors) {
    if (!keys.has(anchor.key)) continue;
    const slot = columnSlot(anchor.key, anchor.value);
    if (slotAt.get(anchor.index) === slot && !anchored.has(slot)) {
      anchored.add(slot);
      continue;
    }
    // An anchor where its column is not (moved by someone, or a duplicate): the header decided.
    if (columns.has(slot) || slotAt.has(anchor.index))
      metadataRequests.push(deleteMetadata(anchor.metadataId));
  }
  for (const [slot, column] of columns) {
    if (anchored.has(slot)) continue;
    const spec = wanted.find((candidate) => columnSlot(candidate.key, candidate.value) === slot);
    if (spec !== undefined) metadataRequests.push(anchorColumn(tab.sheetId, column, spec.key, spec.value));
  }
  return { columns, metadataRequests };
}
