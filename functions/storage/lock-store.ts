import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { keys } from '../../infra/table-design';
import type { PeriodLock } from '../domain/closing/period-lock';
import { LOCK_CHANGES_ATTRIBUTE } from './config-revision';
import { assertItemFits } from './item-size';
import { normaliseStorageError, StorageError } from './storage-errors';

/** What a lock froze beside the cells' history: the configuration and the window's assessment texts. */
export interface LockSnapshot {
  config: unknown;
  drafts: unknown;
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
  /** JSON text: the configuration and drafts exactly as they were, numbers included. */
  configJson: string;
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
    const item: SnapshotItem = {
      pk,
      sk: keys.lockSnapshotSk(lock.lockId),
      type: 'lock-snapshot',
      lockId: lock.lockId,
      configJson: JSON.stringify(snapshot.config ?? null),
      draftsJson: JSON.stringify(snapshot.drafts ?? null),
    };
    assertItemFits(item, `the snapshot of lock "${lock.lockId}"`);
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
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
   * transaction checks the count it validated with (locksUnchanged), so an edit validated before a
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

  async snapshot(projectId: string, lockId: string): Promise<LockSnapshot | undefined> {
    try {
      const read = await this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: keys.projectPk(projectId), sk: keys.lockSnapshotSk(lockId) },
          ConsistentRead: true,
        }),
      );
      const item = read.Item as SnapshotItem | undefined;
      if (item === undefined) return undefined;
      return { config: JSON.parse(item.configJson), drafts: JSON.parse(item.draftsJson) };
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }
}
