import { createHash, randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../infra/table-design';
import type { PeriodId } from '../domain/calendar/reporting-period';
import type { EntryKey } from '../domain/entries/entry';
import { type BackoffSettings, jitteredDelayMs, sleep } from './backoff';
import {
  type CellItem,
  type CurrentEntry,
  currentFromCell,
  type HistoryItem,
  type HistoryRecord,
  historyFromItem,
  type RecordedSubmission,
  type RequestItem,
  recordedFromRequest,
  type StoredCell,
  type SubmissionRecord,
  storedCellFrom,
  toJson,
} from './entry-records';
import { assertItemFits } from './item-size';
import { queryAll } from './query-all';
import { normaliseStorageError, StorageUnavailableError, VersionConflictError } from './storage-errors';

export type {
  CurrentEntry,
  HistoryRecord,
  LatestSubmission,
  RecordedSubmission,
  StoredCell,
  SubmissionRecord,
  SubmissionVia,
} from './entry-records';

export interface EntryStoreOptions {
  /**
   * Write attempts per submission when other writers got to the cell first. Each collision means
   * another submission landed, so this bounds how many concurrent editors of one cell all succeed.
   */
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  random?: () => number;
}

const DEFAULTS = { maxAttempts: 120, backoffBaseMs: 10, backoffCapMs: 250 };

/** Cancellation reasons after which re-reading the cell and trying again is the right move. */
const RETRY_CANCELLATION_CODES = new Set([
  'None',
  'ConditionalCheckFailed',
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

/** Whole-call errors that mean "someone else is writing this cell right now". */
const RETRY_ERROR_NAMES = new Set([
  'ConditionalCheckFailedException',
  'TransactionConflictException',
  'TransactionInProgressException',
  'IdempotentParameterMismatchException',
]);

/** Position of the idempotency record in the submission transaction. */
const REQUEST_ITEM_INDEX = 2;

function conditionFailedAt(error: unknown, index: number): boolean {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return reasons?.[index]?.Code === 'ConditionalCheckFailed';
}

function retryReason(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, CancellationReasons } = error as {
    name?: string;
    CancellationReasons?: { Code?: string }[];
  };
  if (name !== undefined && RETRY_ERROR_NAMES.has(name)) return name;
  if (name !== 'TransactionCanceledException' || !Array.isArray(CancellationReasons)) return undefined;
  const codes = CancellationReasons.map((reason) => reason.Code ?? 'None');
  if (!codes.every((code) => RETRY_CANCELLATION_CODES.has(code))) return undefined;
  return codes.find((code) => code !== 'None' && code !== 'ConditionalCheckFailed') ?? 'contention';
}

/**
 * Per cell (installation x metric x period): one current item in the project partition, holding the
 * current value and the submission counter, and a history partition with one item per submission plus
 * one idempotency record per requestId. A submission is one transaction over those three items,
 * conditioned on the counter it read, so concurrent edits serialise instead of overwriting each other.
 */
export class EntryStore {
  private readonly maxAttempts: number;
  private readonly backoff: BackoffSettings;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: EntryStoreOptions = {},
  ) {
    const settings = { ...DEFAULTS, ...options };
    this.maxAttempts = settings.maxAttempts;
    this.backoff = {
      baseMs: settings.backoffBaseMs,
      capMs: settings.backoffCapMs,
      ...(settings.random !== undefined ? { random: settings.random } : {}),
    };
  }

  async recordSubmission(
    submission: SubmissionRecord,
    options: { expectedVersion?: number } = {},
  ): Promise<RecordedSubmission> {
    const key: EntryKey = {
      installationId: submission.installationId,
      metricId: submission.metricId,
      periodId: submission.periodId,
    };
    const cellKey = { pk: keys.projectPk(submission.projectId), sk: keys.entrySk(key) };
    const historyPk = keys.historyPk(submission.projectId, key);
    const requestKey = { pk: historyPk, sk: keys.requestSk(submission.requestId) };
    // Distinguishes this call from a concurrent duplicate of it: identical transactions under one
    // token would both "succeed" and neither would learn it was a replay.
    const callNonce = randomUUID();
    let lastReason = 'contention';
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      // The idempotency record is not read up front: the transaction's own condition on it reports a
      // replay, which saves a read per attempt when many writers contend for the cell.
      const cell = await this.get<CellItem>(cellKey);
      const currentVersion = cell?.currentVersion ?? 0;
      if (options.expectedVersion !== undefined && options.expectedVersion !== currentVersion) {
        // A resend of a request that did land moved the version itself: that is a replay, not a conflict.
        const request = await this.get<RequestItem>(requestKey);
        if (request !== undefined) return recordedFromRequest(request);
        throw new VersionConflictError(options.expectedVersion, currentVersion);
      }
      const submissions = cell?.submissions ?? 0;
      const version = submissions + 1;
      const becameCurrent = submission.status !== 'rejected';
      const nextCell = nextCellItem(cellKey, cell, submission, version, becameCurrent);
      const history = historyItem(historyPk, submission, version);
      const result = { version, current: currentFromCell(nextCell), becameCurrent };
      const requestItem: RequestItem = {
        ...requestKey,
        type: 'request',
        requestId: submission.requestId,
        resultJson: toJson(result),
      };
      for (const item of [history, nextCell, requestItem]) {
        assertItemFits(item, `submission for ${key.installationId} / ${key.metricId} / ${key.periodId}`);
      }
      try {
        await this.doc.send(
          new TransactWriteCommand({
            // Stable across the SDK's own resends of this call, so a resend after a lost response is a no-op.
            ClientRequestToken: requestToken(
              historyPk,
              submission.requestId,
              callNonce,
              submissions,
              attempt,
            ),
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: nextCell,
                  ...(cell === undefined
                    ? { ConditionExpression: 'attribute_not_exists(pk)' }
                    : {
                        ConditionExpression: 'submissions = :read',
                        ExpressionAttributeValues: { ':read': submissions },
                      }),
                },
              },
              {
                Put: {
                  TableName: this.tableName,
                  Item: history,
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: this.tableName,
                  Item: requestItem,
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
        return { ...result, replayed: false };
      } catch (error) {
        const reason = retryReason(error);
        if (reason === undefined) throw normaliseStorageError(error);
        if (conditionFailedAt(error, REQUEST_ITEM_INDEX)) {
          const request = await this.get<RequestItem>(requestKey);
          if (request !== undefined) return recordedFromRequest(request);
        }
        lastReason = reason;
        await sleep(jitteredDelayMs(attempt, this.backoff));
      }
    }
    throw new StorageUnavailableError(`${lastReason} after ${this.maxAttempts} attempts`);
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

  /** Every submission to one cell, accepted or not, oldest first. */
  async history(projectId: string, key: EntryKey): Promise<HistoryRecord[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.historyPk(projectId, key),
        ':prefix': keys.historyVersionPrefix,
      },
      ScanIndexForward: true,
      ConsistentRead: true,
    });
    return items.map((item) => historyFromItem(item as unknown as HistoryItem));
  }

  private async get<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
    try {
      const read = await this.doc.send(
        new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
      );
      return read.Item as T | undefined;
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }
}

function historyItem(historyPk: string, submission: SubmissionRecord, version: number): HistoryItem {
  return {
    pk: historyPk,
    sk: keys.historyVersionSk(version),
    type: 'history',
    projectId: submission.projectId,
    installationId: submission.installationId,
    metricId: submission.metricId,
    periodId: submission.periodId,
    version,
    rawJson: toJson(submission.raw),
    valueJson: toJson(submission.value),
    normalized: submission.normalized,
    status: submission.status,
    issues: submission.issues,
    editor: submission.editor,
    submittedBy: submission.submittedBy === undefined ? submission.editor : submission.submittedBy,
    via: submission.via ?? 'direct',
    submittedAt: submission.submittedAt,
    requestId: submission.requestId,
  };
}

function nextCellItem(
  cellKey: { pk: string; sk: string },
  cell: CellItem | undefined,
  submission: SubmissionRecord,
  version: number,
  becameCurrent: boolean,
): CellItem {
  const counters = {
    ...cellKey,
    type: 'entry' as const,
    projectId: submission.projectId,
    installationId: submission.installationId,
    metricId: submission.metricId,
    periodId: submission.periodId,
    submissions: version,
    lastStatus: submission.status,
    lastSubmittedAt: submission.submittedAt,
  };
  if (!becameCurrent) {
    // Kept beside the current value so a reconcile can repeat this answer instead of resending it.
    return {
      ...cell,
      ...counters,
      lastRawJson: toJson(submission.raw),
      lastIssues: submission.issues,
    };
  }
  // A fresh item: the accepted submission is both current and latest, so no lastRaw is kept.
  return {
    ...counters,
    currentVersion: version,
    rawJson: toJson(submission.raw),
    valueJson: toJson(submission.value),
    normalized: submission.normalized,
    status: submission.status,
    issues: submission.issues,
    editor: submission.editor,
    updatedAt: submission.submittedAt,
  };
}

/** ClientRequestToken allows 36 characters; a hash keeps any requestId within that. */
function requestToken(
  historyPk: string,
  requestId: string,
  callNonce: string,
  read: number,
  attempt: number,
): string {
  return createHash('sha256')
    .update(`${historyPk}\n${requestId}\n${callNonce}\n${read}\n${attempt}`)
    .digest('hex')
    .slice(0, 36);
}
