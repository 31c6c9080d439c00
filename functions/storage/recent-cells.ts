import type { PeriodLock } from '../domain/closing/period-lock';
import type { CellItem } from './entry-records';

interface SeenCell {
  /** undefined: the cell was seen not to exist. */
  item: CellItem | undefined;
  /** When the state was known to be the stored one (ms since the epoch). */
  seenAt: number;
}

interface SeenRevision {
  revision: string | null;
  /** The project's period locks, read with the revision: fresh exactly as long as it is. */
  locks: readonly PeriodLock[];
  /** The count of lock changes read with the revision (see LOCK_CHANGES_ATTRIBUTE). */
  lockChanges: number;
  seenAt: number;
}

export interface RecentCellsOptions {
  /** How long a seen state may stand in for a read; 0 never lets it. */
  freshMs: number;
  /** Cells kept at most; the ones seen longest ago are forgotten first. */
  maxCells?: number;
  clock?: () => number;
}

const DEFAULT_MAX_CELLS = 20_000;

/**
 * What this process last saw of cell items and of each project's configuration revision, and when:
 * from its reads, and from its own transactions, whose conditions prove the state they wrote. An edit
 * whose cells and revision were all seen within `freshMs` is validated without reading them again,
 * which is most edits of a busy project. The cell's own write stays conditioned on its counter, so a
 * stale state can only make a warning quote a value another process changed in the last `freshMs`.
 */
export class RecentCells {
  private readonly cells = new Map<string, SeenCell>();
  private readonly revisions = new Map<string, SeenRevision>();
  private readonly maxCells: number;
  private readonly clock: () => number;

  constructor(private readonly options: RecentCellsOptions) {
    this.maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
    this.clock = options.clock ?? Date.now;
  }

  now(): number {
    return this.clock();
  }

  /**
   * Keeps the newer of what is known and what was seen: the higher submission counter (it only grows),
   * and for the same counter (a re-checked outcome) the later sighting.
   */
  rememberCell(id: string, item: CellItem | undefined, seenAt: number): void {
    if (this.options.freshMs <= 0) return;
    const known = this.cells.get(id);
    if (known !== undefined) {
      const counter = item?.submissions ?? 0;
      const knownCounter = known.item?.submissions ?? 0;
      if (counter < knownCounter || (counter === knownCounter && seenAt < known.seenAt)) return;
      // Deleted first so the Map's order stays the order of sightings, oldest first.
      this.cells.delete(id);
    }
    this.cells.set(id, { item, seenAt });
    for (const oldest of this.cells.keys()) {
      if (this.cells.size <= this.maxCells) break;
      this.cells.delete(oldest);
    }
  }

  /** The cell's state is no longer known (an answer lost, another process got there first). */
  forgetCell(id: string): void {
    this.cells.delete(id);
  }

  rememberRevision(
    projectId: string,
    revision: string | null,
    seenAt: number,
    lockState: { locks: readonly PeriodLock[]; lockChanges: number } = { locks: [], lockChanges: 0 },
  ): void {
    if (this.options.freshMs <= 0) return;
    const known = this.revisions.get(projectId);
    if (known === undefined || seenAt >= known.seenAt) {
      this.revisions.set(projectId, { revision, ...lockState, seenAt });
    }
  }

  /** The project's revision and locks changed here (a lock was written): the next edit reads them. */
  forgetRevision(projectId: string): void {
    this.revisions.delete(projectId);
  }

  /** The period locks read with the project's revision last remembered (after a successful lookup). */
  locksSeen(projectId: string): readonly PeriodLock[] {
    return this.revisions.get(projectId)?.locks ?? [];
  }

  /** The count of lock changes read with the project's revision last remembered. */
  lockChangesSeen(projectId: string): number {
    return this.revisions.get(projectId)?.lockChanges ?? 0;
  }

  /**
   * The items of `ids` (absent cells left out) when every one of them, and the project's revision,
   * was seen within freshMs and the revision is `revision`; otherwise undefined: read them.
   */
  lookup(projectId: string, ids: readonly string[], revision: string): Map<string, CellItem> | undefined {
    if (this.options.freshMs <= 0) return undefined;
    const oldest = this.clock() - this.options.freshMs;
    const seenRevision = this.revisions.get(projectId);
    if (seenRevision === undefined || seenRevision.seenAt < oldest || seenRevision.revision !== revision) {
      return undefined;
    }
    const found = new Map<string, CellItem>();
    for (const id of ids) {
      const seen = this.cells.get(id);
      if (seen === undefined || seen.seenAt < oldest) return undefined;
      if (seen.item !== undefined) found.set(id, seen.item);
    }
    return found;
  }
}
