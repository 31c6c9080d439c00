import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BackoffSettings } from './backoff';
import { CellLanes, type Lane } from './cell-lanes';
import type { RecordedSubmission } from './entry-records';
import { oncePerTurn } from './once-per-turn';
import type { RecentCells } from './recent-cells';
import {
  type CellWrite,
  entryKeyOf,
  type OutcomeRefresh,
  type Settled,
  type WriteTask,
  writeTaskOf,
} from './submission-tasks';
import { sendTransaction } from './submission-transaction';
import { takeGroups } from './take-groups';
import { settleTakenRequest } from './taken-request';
import type { WriterContext } from './writer-context';

export type { CellWrite, OutcomeRefresh, Settled } from './submission-tasks';

export interface SubmissionWriterOptions {
  maxAttempts: number;
  backoff: BackoffSettings;
  /** Transactions in flight at once; writes arriving meanwhile wait and are sent together. */
  maxFlights: number;
  /** Told every cell state this writer reads or writes, and every one it stops knowing. */
  recent?: RecentCells;
}

/**
 * Stores submissions with as few transactions as the cells allow. Every cell has a FIFO lane in this
 * process (cell-lanes.ts), so concurrent edits of one cell queue here instead of colliding in the
 * table; whatever waits while a transaction is in flight is sent together in the next one (up to 100
 * actions: take-groups.ts): edits of different cells side by side, successive edits of one cell as one
 * cell write plus each edit's history and idempotency items (submission-plan.ts). Every submission
 * keeps its own version, history item and requestId. Conflicts with other processes are caught by
 * each cell's condition on the counter it read: the cancelled transaction is sent again without the
 * cells that failed, which are read again first (failed-transaction.ts).
 */
export class SubmissionWriter {
  private readonly lanes: CellLanes;
  private readonly context: WriterContext;
  private transactionsInFlight = 0;
  private readonly scheduleSoon = oncePerTurn(() => this.schedule());

  constructor(
    doc: DynamoDBDocumentClient,
    tableName: string,
    private readonly options: SubmissionWriterOptions,
  ) {
    this.lanes = new CellLanes({
      maxAttempts: options.maxAttempts,
      backoff: options.backoff,
      ...(options.recent === undefined ? {} : { recent: options.recent }),
      onBackoffOver: () => this.schedule(),
    });
    this.context = {
      doc,
      tableName,
      backoff: options.backoff,
      lanes: this.lanes,
      settleTaken: (task: WriteTask, checkExpected: boolean) =>
        void settleTakenRequest(this.context, task, checkExpected),
      forgetRevision: (projectId: string) => options.recent?.forgetRevision(projectId),
      wake: (lane: Lane) => {
        this.lanes.markReady(lane);
        this.schedule();
      },
    };
  }

  /** Stores `writes` (same cell: in the given order) and applies `refreshes`; settles each on its own. */
  async record(
    writes: readonly CellWrite[],
    refreshes: readonly OutcomeRefresh[] = [],
  ): Promise<{ writes: Settled<RecordedSubmission>[]; refreshes: Settled<boolean>[] }> {
    const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
      promise.then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    const written = writes.map((write) => settle(this.enqueueWrite(write)));
    const refreshed = refreshes.map((refresh) => settle(this.enqueueRefresh(refresh)));
    this.scheduleSoon();
    return { writes: await Promise.all(written), refreshes: await Promise.all(refreshed) };
  }

  private enqueueWrite(write: CellWrite): Promise<RecordedSubmission> {
    const lane = this.lanes.laneOf(write.submission.projectId, entryKeyOf(write.submission));
    const task = writeTaskOf(write, lane.cellKey);
    if (write.read !== undefined) this.lanes.observe(lane, write.read ?? undefined);
    return new Promise((resolve, reject) => {
      lane.queue.push({ ...task, resolve, reject });
      this.lanes.markReady(lane);
    });
  }

  private enqueueRefresh(refresh: OutcomeRefresh): Promise<boolean> {
    const lane = this.lanes.laneOf(refresh.projectId, refresh.key);
    return new Promise((resolve, reject) => {
      lane.queue.push({ kind: 'refresh', refresh, attempts: 0, resolve, reject });
      this.lanes.markReady(lane);
    });
  }

  /** Sends what is ready, as many transactions as may be in flight. */
  private schedule(): void {
    while (this.transactionsInFlight < this.options.maxFlights) {
      const groups = takeGroups(this.lanes.ready);
      if (groups.length === 0) return;
      this.transactionsInFlight += 1;
      void sendTransaction(this.context, groups)
        .catch((error: unknown) => {
          for (const group of groups) for (const task of group.tasks) task.reject(error);
        })
        .finally(() => {
          this.transactionsInFlight -= 1;
          for (const { lane } of groups) {
            lane.busy = false;
            this.lanes.markReady(lane);
          }
          this.schedule();
        });
    }
  }
}
