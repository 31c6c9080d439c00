import type { Grid } from './cell-values';
import type { ConfigTabId } from './config-columns';
import type { CellLocation } from './config-problems';

type Path = readonly PropertyKey[];

interface LocatedCell extends CellLocation {
  /** The column's header (or, on the Project tab, the row's field label), naming the field in a note. */
  field: string;
}

/**
 * Where each field of the configuration read from the tabs came from, and how its owner is named
 * ("Installation "IFCA Cloud" (ifca-cpu), metric "users""), so a schema problem at a path lands on the
 * cell it is about and says whose field it is.
 */
export class CellRegistry {
  private readonly cells = new Map<string, LocatedCell>();
  private readonly owners = new Map<string, string>();

  constructor(private readonly grids: Partial<Record<ConfigTabId, Grid>>) {}

  place(path: Path, cell: LocatedCell): void {
    this.cells.set(key(path), cell);
  }

  name(path: Path, owner: string): void {
    this.owners.set(key(path), owner);
  }

  /** The cell of the longest registered prefix of a path (a list entry lands on its list's cell). */
  cellOf(path: Path): LocatedCell {
    for (let length = path.length; length >= 0; length -= 1) {
      const cell = this.cells.get(key(path.slice(0, length)));
      if (cell !== undefined) return cell;
    }
    return { tab: 'project', row: 0, column: 0, field: 'Project' };
  }

  ownerOf(path: Path): string {
    for (let length = path.length; length >= 0; length -= 1) {
      const owner = this.owners.get(key(path.slice(0, length)));
      if (owner !== undefined) return owner;
    }
    return 'Project';
  }

  valueAt(cell: CellLocation) {
    return this.grids[cell.tab]?.[cell.row]?.[cell.column];
  }
}

function key(path: Path): string {
  return JSON.stringify(path.map((step) => (typeof step === 'number' ? step : String(step))));
}
