import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../infra/table-design';
import type { PeriodId } from '../domain/calendar/reporting-period';
import type { PeriodLock } from '../domain/closing/period-lock';
import { type EntryKey, entryKeyString } from '../domain/entries/entry';
import { BATCH_GET_LIMIT, itemKeyId } from './batch-get';
import { CELL_ATTRIBUTES } from './cell-items';
import { CoalescedBatchGet } from './coalesced-batch-get';
import { configRevisionOf, LOCK_CHANGES_ATTRIBUTE, lockChangesOf } from './config-revision';
import {
  type CellItem,
  type CurrentEntry,
  currentFromCell,
  type HistoryItem,
  type HistoryRecord,
  historyFromItem,
  type RecordedSubmission,
  type StoredCell,
  type SubmissionRecord,
  storedCellFrom,
} from './entry-records';
import { locksFromItem } from './lock-store';
import { queryAll } from './query-all';
import { RecentCells } from './recent-cells';
import { normaliseStorageError } from './storage-errors';
import { type CellWrite, type OutcomeRefresh, type Settled, SubmissionWriter } from './submission-writer';

export type {
  CellItem,
  CurrentEntry,
  HistoryRecord,
  LatestSubmission,
  RecordedSubmission,
  StoredCell,
  SubmissionRecord,
  SubmissionVia,
} from './entry-records';
export type { CellWrite, OutcomeRefresh, Settled } from './submission-writer';

export interface EntryStoreOptions {
  /**
   * Write attempts per submission when other writers got to the cell first. Each collision means
   * another submission landed, so this bounds how many concurrent editors of one cell all succeed.
   */
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  random?: () => number;
  /** Transactions in flight at once per store; what arrives meanwhile is sent together next. */
  maxFlights?: number;
  /** Submission reads in flight at once per store; keys asked for meanwhile are read together next. */
  maxReadFlights?: number;
  /**
   * How long cells and the configuration's revision this store read or wrote stand in for a read of
   * them (see RecentCells); 0 reads them for every submission.
   */
  recentCellsMs?: number;
  clock?: () => number;
}

const DEFAULTS = {
  maxAttempts: 120,
  backoffBaseMs: 10,
  backoffCapMs: 250,
  maxFlights: 1,
  maxReadFlights: 1,
  recentCellsMs: 0,
};

/** The cells a submission needs and the configuration's revision, read together. */
export interface SubmissionRead {
  /** The stored configuration's revision; null when the project has no configuration. */
  configRevision: string | null;
  /** The cell items read, by entryKeyString; a cell never written is absent. */
  cells: ReadonlyMap<string, CellItem>;
  /** True when answered from what this store saw lately (RecentCells), with no request. */
  recent: boolean;
  /** The project's period locks (reopened ones included), read with the revision. */
  locks: readonly PeriodLock[];
  /** How many times the project's periods were locked or reopened, read with the revision. */
  lockChanges: number;
}

/**
 * Per cell (installation x metric x period): one current item in the project partition, holding the
 * current value and the submission counter, and a history partition with one item per submission plus
 * one idempotency record per requestId. Submissions are written by a SubmissionWriter: transactions
 * conditioned on the counter each cell was read at, so concurrent edits serialise instead of
 * overwriting each other, and many cells share a transaction.
 */
export class EntryStore {
  private readonly writer: SubmissionWriter;
  private readonly submissionReads: CoalescedBatchGet;
  private readonly recent: RecentCells;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: EntryStoreOptions = {},
  ) {
    const settings = { ...DEFAULTS, ...options };
    this.recent = new RecentCells({
      freshMs: settings.recentCellsMs,
      ...(settings.clock !== undefined ? { clock: settings.clock } : {}),
    });
    this.submissionReads = new CoalescedBatchGet(doc, tableName, {
      attributes: [...CELL_ATTRIBUTES, 'revision', 'periodLocks', LOCK_CHANGES_ATTRIBUTE],
      maxFlights: settings.maxReadFlights,
    });
    this.writer = new SubmissionWriter(doc, tableName, {
      maxAttempts: settings.maxAttempts,
      maxFlights: settings.maxFlights,
      recent: this.recent,
      backoff: {
        baseMs: settings.backoffBaseMs,
        capMs: settings.backoffCapMs,
        ...(settings.random !== undefined ? { random: settings.random } : {}),
      },
    });
  }

  /** One submission; throws VersionConflictError, RequestIdReusedError or a storage error. */
  async recordSubmission(
    submission: SubmissionRecord,
    options: { expectedVersion?: number } = {},
  ): Promise<RecordedSubmission> {
    const {
      writes: [settled],
    } = await this.writer.record([{ submission, ...options }]);
    if (settled === undefined) throw new Error('the writer settled no submission');
    if (!settled.ok) throw settled.error;
    return settled.value;
  }

  /**
   * Many submissions (same cell: in the order given) and re-checked outcomes of other cells, in as
   * few transactions as they fit; each settles on its own. A refresh settles false when its cell
   * moved on meanwhile (its new value came with its own outcome).
   */
  recordSubmissions(
    writes: readonly CellWrite[],
    refreshes: readonly OutcomeRefresh[] = [],
  ): Promise<{ writes: Settled<RecordedSubmission>[]; refreshes: Settled<boolean>[] }> {
    return this.writer.record(writes, refreshes);
  }

  /**
   * The given cells and the configuration's revision. When the caller's `knownRevision` and every
   * cell were seen by this store within its recentCellsMs, from memory with no request; otherwise with
   * whichever costs fewer requests: the exact keys in BatchGetItem requests of 100 (the revision rides
   * along), or one Query per period touched plus one read of the revision. A single edit is one
   * request, shared with the edits arriving while another read is in flight; a pasted block, a Query
   * per period.
   */
  async readForSubmission(
    projectId: string,
    cellKeys: readonly EntryKey[],
    knownRevision?: string,
  ): Promise<SubmissionRead> {
    const pk = keys.projectPk(projectId);
    const itemKeys = cellKeys.map((key) => ({ pk, sk: keys.entrySk(key) }));
    const cellIds = itemKeys.map(itemKeyId);
    const cells = new Map<string, CellItem>();
    if (knownRevision !== undefined) {
      const recent = this.recent.lookup(projectId, cellIds, knownRevision);
      if (recent !== undefined) {
        for (const item of recent.values()) cells.set(entryKeyString(item), item);
        return {
          configRevision: knownRevision,
          cells,
          recent: true,
          locks: this.recent.locksSeen(projectId),
          lockChanges: this.recent.lockChangesSeen(projectId),
        };
      }
    }
    const configKey = { pk, sk: keys.configProjectSk };
    // The locks ride along with the revision: a partner's edit of a locked period costs no extra request.
    const locksKey = { pk, sk: keys.locksSk };
    const periods = [...new Set(cellKeys.map((key) => key.periodId))];
    const batchRequests = Math.ceil((cellKeys.length + 2) / BATCH_GET_LIMIT);
    const seenAt = this.recent.now();
    let config: Record<string, unknown> | undefined;
    let locksItem: Record<string, unknown> | undefined;
    if (batchRequests <= periods.length + 1) {
      const read = await this.submissionReads.read([configKey, locksKey, ...itemKeys]);
      config = read.get(itemKeyId(configKey));
      locksItem = read.get(itemKeyId(locksKey));
      read.delete(itemKeyId(configKey));
      read.delete(itemKeyId(locksKey));
      for (const item of read.values())
        cells.set(entryKeyString(item as unknown as CellItem), item as unknown as CellItem);
    } else {
      const [project, locked, items] = await Promise.all([
        this.get<Record<string, unknown>>(configKey, `revision, updatedAt, ${LOCK_CHANGES_ATTRIBUTE}`),
        this.get<Record<string, unknown>>(locksKey, 'periodLocks'),
        this.queryPeriods(projectId, periods),
      ]);
      config = project;
      locksItem = locked;
      for (const item of items) cells.set(entryKeyString(item), item);
    }
    const configRevision = config === undefined ? null : configRevisionOf(config);
    const locks = locksFromItem(locksItem);
    const lockChanges = lockChangesOf(config);
    this.recent.rememberRevision(projectId, configRevision, seenAt, { locks, lockChanges });
    cellKeys.forEach((key, index) => {
      const id = cellIds[index];
      if (id !== undefined) this.recent.rememberCell(id, cells.get(entryKeyString(key)), seenAt);
    });
    return { configRevision, cells, recent: false, locks, lockChanges };
  }

  /**
   * This process changed the project's locks: its next edit reads them instead of taking what it saw
   * within recentCellsMs (other processes see the change within that window, see RecentCells).
   */
  forgetRecent(projectId: string): void {
    this.recent.forgetRevision(projectId);
  }

  /** The current values of the given periods: one Query per period, never a Scan. */
  async listCurrent(projectId: string, periodIds: readonly PeriodId[]): Promise<CurrentEntry[]> {
    // Cells that only ever received rejected input have a counter but no current value.
    const items = await this.queryPeriods(projectId, periodIds, 'attribute_exists(currentVersion)');
    return items.flatMap((item) => {
      const current = currentFromCell(item);
      return current === null ? [] : [current];
    });
  }

  /**
   * Every cell of the given periods that received a submission, with its current value and the newer
   * rejected input, if any: what a client needs to tell an unseen edit from one already answered.
   */
  async listCells(projectId: string, periodIds: readonly PeriodId[]): Promise<StoredCell[]> {
    const items = await this.queryPeriods(projectId, periodIds);
    return items.map(storedCellFrom);
  }

  private async queryPeriods(
    projectId: string,
    periodIds: readonly PeriodId[],
    filter?: string,
  ): Promise<CellItem[]> {
    const pages = await Promise.all(
      periodIds.map((periodId) =>
        queryAll(this.doc, {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ...(filter === undefined ? {} : { FilterExpression: filter }),
          ExpressionAttributeValues: {
            ':pk': keys.projectPk(projectId),
            ':prefix': keys.entryPeriodPrefix(periodId),
          },
          ConsistentRead: true,
        }),
      ),
    );
    return pages.flat() as unknown as CellItem[];
  }

  /**
   * Every submission to one cell, accepted or not, oldest first. History items sit at their requestId
   * (older ones at V#<version>, beside separate request records), so the partition is read whole and
   * ordered by version: it holds one cell's submissions only.
   */
  async history(projectId: string, key: EntryKey): Promise<HistoryRecord[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: '#type = :history',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':pk': keys.historyPk(projectId, key), ':history': 'history' },
      ConsistentRead: true,
    });
    return items
      .map((item) => historyFromItem(item as unknown as HistoryItem))
      .sort((a, b) => a.version - b.version);
  }

  private async get<T>(key: { pk: string; sk: string }, projection: string): Promise<T | undefined> {
    try {
      const read = await this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: key,
          ProjectionExpression: projection,
          ConsistentRead: true,
        }),
      );
      return read.Item as T | undefined;
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }
}
