import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../infra/table-design';
import type { PeriodLock } from '../domain/closing/period-lock';
import { LOCK_CHANGES_ATTRIBUTE } from './config-revision';
import { assertItemFits } from './item-size';
import { normaliseStorageError, StorageError } from './storage-errors';

/** What a lock freezes beside the cells' history: the configuration, and the texts of each window. */
export interface LockSnapshot {
  config: unknown;
  /** The assessment texts of every window the lock overlaps that had any, by window id. */
  draftsByWindow: Readonly<Record<string, unknown>>;
}

/** What a report of one window reads of a lock's snapshot. */
export interface LockSnapshotOfWindow {
  config: unknown;
  /**
   * The window's texts as the lock froze them; null when it froze none for that window; undefined for
   * a lock written before texts were frozen by window (see `ownWindowDrafts`).
   */
  drafts: unknown;
  /** A lock written before texts were frozen by window: its own window's texts. */
  ownWindowDrafts?: unknown;
}

/** The index of the project's locks as stored: one item, so an edit reads it with its cells. */
export interface LocksItem {
  pk: string;
  sk: string;
  type: 'locks';
  /** Not "locks": a DynamoDB reserved word. */
  periodLocks: PeriodLock[];
}

interface SnapshotItem {
  pk: string;
  sk: string;
  type: 'lock-snapshot';
  lockId: string;
  /** JSON text: the configuration exactly as it was, numbers included. */
  configJson: string;
  /** The windows whose texts have an item of their own (lockDraftsSk). */
  draftWindows?: string[];
  /** Locks written before texts were frozen by window: the lock's own window's texts, as JSON. */
  draftsJson?: string;
}

interface DraftsItem {
  pk: string;
  sk: string;
  type: 'lock-drafts';
  lockId: string;
  windowId: string;
  draftsJson: string;
}

/** The lock was reopened already, or never existed: the reopen changed nothing. */
export class LockNotActiveError extends StorageError {
  constructor(readonly lockId: string) {
    super(`Lock "${lockId}" is not an active lock of this project: nothing was reopened`);
    this.name = 'LockNotActiveError';
  }
}

/** The transaction was cancelled because its first action's condition failed. */
function firstActionFailedItsCondition(error: unknown): boolean {
  const cancelled = error as { name?: string; CancellationReasons?: { Code?: string }[] } | null;
  return (
    cancelled?.name === 'TransactionCanceledException' &&
    cancelled.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
  );
}

export function locksFromItem(item: Record<string, unknown> | undefined): PeriodLock[] {
  return ((item as LocksItem | undefined)?.periodLocks ?? []).map((lock) => ({ ...lock }));
}

/**
 * Locks of periods (infra/README.md): the list of every lock, reopened ones kept with who reopened
 * them, in one item at `LOCK#INDEX`, appended to atomically; each lock's frozen configuration and
 * drafts in its own item, written before the lock is listed, so a listed lock always has one.
 */
export class LockStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(projectId: string): Promise<PeriodLock[]> {
    try {
      const read = await this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: keys.projectPk(projectId), sk: keys.locksSk },
          ConsistentRead: true,
        }),
      );
      return locksFromItem(read.Item);
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }

  async lock(projectId: string, lock: PeriodLock, snapshot: LockSnapshot): Promise<void> {
    const pk = keys.projectPk(projectId);
    const windows = Object.keys(snapshot.draftsByWindow);
    const item: SnapshotItem = {
      pk,
      sk: keys.lockSnapshotSk(lock.lockId),
      type: 'lock-snapshot',
      lockId: lock.lockId,
      configJson: JSON.stringify(snapshot.config ?? null),
      draftWindows: windows,
    };
    assertItemFits(item, `the snapshot of lock "${lock.lockId}"`);
    // One item per window: each stays within DynamoDB's item limit however many windows there are.
    const draftItems = windows.map((windowId): DraftsItem => {
      const drafts: DraftsItem = {
        pk,
        sk: keys.lockDraftsSk(lock.lockId, windowId),
        type: 'lock-drafts',
        lockId: lock.lockId,
        windowId,
        draftsJson: JSON.stringify(snapshot.draftsByWindow[windowId] ?? null),
      };
      assertItemFits(drafts, `the ${windowId} texts frozen by lock "${lock.lockId}"`);
      return drafts;
    });
    const created = (Item: SnapshotItem | DraftsItem) => ({
      Put: { TableName: this.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
    });
    try {
      // One transaction: the lock is listed (and counted) together with its snapshot, never without it.
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            ...[item, ...draftItems].map(created),
            {
              Update: {
                TableName: this.tableName,
                Key: { pk, sk: keys.locksSk },
                UpdateExpression:
                  'SET #type = :type, periodLocks = list_append(if_not_exists(periodLocks, :empty), :lock)',
                ExpressionAttributeNames: { '#type': 'type' },
                ExpressionAttributeValues: { ':type': 'locks', ':empty': [], ':lock': [lock] },
              },
            },
            this.countLockChange(projectId),
          ],
        }),
      );
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }

  /** Marks the lock at `index` of the list reopened, provided it is still that lock and still active. */
  async reopen(
    projectId: string,
    index: number,
    lockId: string,
    reopened: { reopenedBy: string; reopenedAt: string; reopenReason: string },
  ): Promise<void> {
    if (!Number.isSafeInteger(index) || index < 0) throw new LockNotActiveError(lockId);
    const at = `periodLocks[${index}]`;
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: { pk: keys.projectPk(projectId), sk: keys.locksSk },
                UpdateExpression: `SET ${at}.reopenedBy = :by, ${at}.reopenedAt = :at, ${at}.reopenReason = :reason`,
                ConditionExpression: `${at}.lockId = :id AND attribute_not_exists(${at}.reopenedAt)`,
                ExpressionAttributeValues: {
                  ':by': reopened.reopenedBy,
                  ':at': reopened.reopenedAt,
                  ':reason': reopened.reopenReason,
                  ':id': lockId,
                },
              },
            },
            this.countLockChange(projectId),
          ],
        }),
      );
    } catch (error) {
      if (firstActionFailedItsCondition(error)) throw new LockNotActiveError(lockId);
      throw normaliseStorageError(error);
    }
  }

  /**
   * Counts the change on the project's configuration item, in the same transaction: every submission
   * transaction checks the count it validated with (lockChangesUnchanged), so an edit validated before a
   * lock or a reopen is validated again instead of landing under the old state.
   */
  private countLockChange(projectId: string) {
    return {
      Update: {
        TableName: this.tableName,
        Key: { pk: keys.projectPk(projectId), sk: keys.configProjectSk },
        UpdateExpression: 'ADD #changes :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#changes': LOCK_CHANGES_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': 1 },
      },
    };
  }

  /** What `lockId` froze for a report of `windowId`: two reads, the configuration and that window's texts. */
  async snapshot(
    projectId: string,
    lockId: string,
    windowId: string,
  ): Promise<LockSnapshotOfWindow | undefined> {
    const pk = keys.projectPk(projectId);
    const get = (sk: string) =>
      this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }));
    try {
      const [main, window] = await Promise.all([
        get(keys.lockSnapshotSk(lockId)),
        get(keys.lockDraftsSk(lockId, windowId)),
      ]);
      const item = main.Item as SnapshotItem | undefined;
      if (item === undefined) return undefined;
      const drafts = window.Item as DraftsItem | undefined;
      const config = JSON.parse(item.configJson) as unknown;
      if (item.draftsJson !== undefined && item.draftWindows === undefined) {
        return { config, drafts: undefined, ownWindowDrafts: JSON.parse(item.draftsJson) };
      }
      return { config, drafts: drafts === undefined ? null : JSON.parse(drafts.draftsJson) };
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }
}
