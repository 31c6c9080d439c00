import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type BackoffSettings, jitteredDelayMs, sleep } from './backoff';
import { normaliseStorageError, StorageUnavailableError } from './storage-errors';

/** BatchGetItem takes at most 100 keys. */
export const BATCH_GET_LIMIT = 100;

export interface ItemKey {
  pk: string;
  sk: string;
}

export interface BatchGetOptions {
  /** Attribute names to read (each aliased, so reserved words are fine); all attributes when absent. */
  attributes?: readonly string[];
  backoff?: BackoffSettings;
  /** Rounds per chunk spent asking again for UnprocessedKeys before giving up. */
  maxAttempts?: number;
}

export function itemKeyId(key: ItemKey): string {
  return `${key.pk}\n${key.sk}`;
}

const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 20, capMs: 500 };

/**
 * Strongly consistent reads of the given keys (duplicates read once), 100 per request, the chunks in
 * parallel. Keys DynamoDB hands back unprocessed are asked for again with backoff; still having some
 * after `maxAttempts` rounds is a retryable StorageUnavailableError. Missing items are simply absent.
 */
export async function batchGetAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly ItemKey[],
  options: BatchGetOptions = {},
): Promise<Map<string, Record<string, unknown>>> {
  const unique = [...new Map(keys.map((key) => [itemKeyId(key), { pk: key.pk, sk: key.sk }])).values()];
  const names = options.attributes?.map((_, index) => `#a${index}`);
  const projection =
    options.attributes === undefined || names === undefined
      ? {}
      : {
          ProjectionExpression: names.join(', '),
          ExpressionAttributeNames: Object.fromEntries(
            options.attributes.map((attribute, index) => [names[index], attribute]),
          ),
        };
  const found = new Map<string, Record<string, unknown>>();
  const chunks: ItemKey[][] = [];
  for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
    chunks.push(unique.slice(start, start + BATCH_GET_LIMIT));
  }
  const maxAttempts = options.maxAttempts ?? 8;
  await Promise.all(
    chunks.map(async (chunk) => {
      let pending: Record<string, unknown>[] = chunk.map((key) => ({ ...key }));
      for (let attempt = 1; pending.length > 0; attempt += 1) {
        if (attempt > maxAttempts) {
          throw new StorageUnavailableError(
            `${pending.length} key(s) still unprocessed after ${maxAttempts} reads`,
          );
        }
        if (attempt > 1) await sleep(jitteredDelayMs(attempt - 1, options.backoff ?? DEFAULT_BACKOFF));
        try {
          const read = await doc.send(
            new BatchGetCommand({
              RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true, ...projection } },
            }),
          );
          for (const item of read.Responses?.[tableName] ?? []) {
            found.set(itemKeyId(item as unknown as ItemKey), item);
          }
          pending = read.UnprocessedKeys?.[tableName]?.Keys ?? [];
        } catch (error) {
          throw normaliseStorageError(error);
        }
      }
    }),
  );
  return found;
}
