import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { type BackoffSettings, jitteredDelayMs, sleep } from './backoff';
import { normaliseStorageError, StorageUnavailableError } from './storage-errors';

export type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

export interface BatchWriteSettings extends BackoffSettings {
  /** Rounds per chunk spent resending UnprocessedItems before giving up. */
  maxAttempts: number;
}

/** BatchWriteItem takes at most 25 requests. */
export const BATCH_WRITE_LIMIT = 25;

const DEFAULTS: BatchWriteSettings = { maxAttempts: 8, baseMs: 50, capMs: 1000 };

/**
 * Writes all requests in chunks of 25. DynamoDB may process only part of a chunk (throttling,
 * partition limits) and hand the rest back as UnprocessedItems: those are resent with backoff, and
 * still having some after `maxAttempts` rounds is a retryable StorageUnavailableError.
 */
export async function batchWriteAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
  settings: Partial<BatchWriteSettings> = {},
): Promise<void> {
  const { maxAttempts, ...backoff } = { ...DEFAULTS, ...settings };
  for (let start = 0; start < requests.length; start += BATCH_WRITE_LIMIT) {
    let pending = requests.slice(start, start + BATCH_WRITE_LIMIT);
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > maxAttempts) {
        throw new StorageUnavailableError(
          `${pending.length} item(s) still unprocessed after ${maxAttempts} batch writes`,
        );
      }
      if (attempt > 1) await sleep(jitteredDelayMs(attempt - 1, backoff));
      try {
        const written = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        pending = written.UnprocessedItems?.[tableName] ?? [];
      } catch (error) {
        throw normaliseStorageError(error);
      }
    }
  }
}
