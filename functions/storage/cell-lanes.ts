import { keys } from '../../infra/table-design';
import type { EntryKey } from '../domain/entries/entry';
import { type BackoffSettings, jitteredDelayMs } from './backoff';
import { type ItemKey, itemKeyId } from './batch-get';
import type { CellItem } from './entry-records';
import type { RecentCells } from './recent-cells';
import { StorageUnavailableError } from './storage-errors';
import type { Task } from './submission-tasks';

/** Idle cells whose last known state is kept, so a busy cell's next edit needs no fresh read. */
const KEPT_IDLE_LANES = 4000;

/** One cell's queue: its tasks in order, and the freshest state of its item this process knows. */
export interface Lane {
  cellKey: ItemKey;
  queue: Task[];
  /** A transaction with this lane's tasks is in flight. */
  busy: boolean;
  /** undefined: unknown, read before writing; { item: undefined }: known not to exist. */
  latestState: { item: CellItem | undefined } | undefined;
  /** Not sent before this time (ms since the epoch): the backoff after a failed attempt. */
  notBefore: number;
  timer?: NodeJS.Timeout;
}

/** The tasks of one lane taken for one transaction. */
export interface Group {
  lane: Lane;
  tasks: Task[];
}

export interface CellLanesOptions {
  maxAttempts: number;
  backoff: BackoffSettings;
  /** Told every cell state this writer reads or writes, and every one it stops knowing. */
  recent?: RecentCells;
  /** A lane's backoff is over: it is ready, send what is ready. */
  onBackoffOver: () => void;
}

/**
 * Every cell's FIFO lane in this process, the lanes ready to send, and what this process knows of
 * each cell's item.
 */
export class CellLanes {
  private readonly lanes = new Map<string, Lane>();
  /** Lanes with tasks to send, in the order they became ready. */
  readonly ready = new Set<Lane>();

  constructor(private readonly options: CellLanesOptions) {}

  laneOf(projectId: string, key: EntryKey): Lane {
    const cellKey = { pk: keys.projectPk(projectId), sk: keys.entrySk(key) };
    const id = itemKeyId(cellKey);
    let lane = this.lanes.get(id);
    if (lane === undefined) {
      lane = { cellKey, queue: [], busy: false, latestState: undefined, notBefore: 0 };
      this.lanes.set(id, lane);
      this.forgetIdleLanes();
    }
    return lane;
  }

  private forgetIdleLanes(): void {
    if (this.lanes.size <= KEPT_IDLE_LANES * 1.25) return;
    for (const [id, lane] of this.lanes) {
      if (this.lanes.size <= KEPT_IDLE_LANES) return;
      if (!lane.busy && lane.queue.length === 0 && lane.timer === undefined) this.lanes.delete(id);
    }
  }

  /**
   * Keeps whichever state is newer: the submission counter only ever grows. `seenAt` is when a read
   * that found `item` was sent; absent when the caller's read was already told to RecentCells.
   */
  observe(lane: Lane, item: CellItem | undefined, seenAt?: number): void {
    if (seenAt !== undefined) this.options.recent?.rememberCell(itemKeyId(lane.cellKey), item, seenAt);
    if (
      lane.latestState === undefined ||
      (item?.submissions ?? 0) > (lane.latestState.item?.submissions ?? 0)
    ) {
      lane.latestState = { item };
    }
  }

  /** What a committed transaction wrote: the cell's state as of `answeredAt`. */
  written(lane: Lane, item: CellItem | undefined, answeredAt: number): void {
    lane.latestState = { item };
    this.options.recent?.rememberCell(itemKeyId(lane.cellKey), item, answeredAt);
  }

  /** The cell's state is unknown until read again: a lost answer, or another process wrote it. */
  forget(lane: Lane): void {
    lane.latestState = undefined;
    this.options.recent?.forgetCell(itemKeyId(lane.cellKey));
  }

  /** The clock RecentCells judges freshness by. */
  clock(): number {
    return this.options.recent?.now() ?? Date.now();
  }

  /** Ready now, or once its backoff is over. */
  markReady(lane: Lane): void {
    if (lane.busy || lane.queue.length === 0) return;
    const wait = lane.notBefore - Date.now();
    if (wait <= 0) {
      this.ready.add(lane);
      return;
    }
    if (lane.timer !== undefined) return;
    lane.timer = setTimeout(() => {
      lane.timer = undefined;
      this.markReady(lane);
      this.options.onBackoffOver();
    }, wait);
  }

  /**
   * Back to the front of the lane. When the lane's own condition or contention failed the attempt
   * (`attemptFailed`), each task counts an attempt and the lane backs off.
   */
  requeue(lane: Lane, tasks: Task[], attemptFailed: boolean, reason: string): void {
    const kept: Task[] = [];
    for (const task of tasks) {
      if (attemptFailed) task.attempts += 1;
      if (task.attempts >= this.options.maxAttempts) {
        task.reject(new StorageUnavailableError(`${reason} after ${task.attempts} attempts`));
      } else {
        kept.push(task);
      }
    }
    lane.queue.unshift(...kept);
    if (attemptFailed && kept.length > 0) {
      const attempts = Math.max(...kept.map((task) => task.attempts));
      lane.notBefore = Date.now() + jitteredDelayMs(attempts, this.options.backoff);
    }
  }
}
