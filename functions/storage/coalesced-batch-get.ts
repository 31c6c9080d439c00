import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BATCH_GET_LIMIT, type BatchGetOptions, batchGetAll, type ItemKey, itemKeyId } from './batch-get';
import { oncePerTurn } from './once-per-turn';

type Found = Map<string, Record<string, unknown>>;

interface Waiter {
  keys: readonly ItemKey[];
  resolve(found: Found): void;
  reject(error: unknown): void;
}

/**
 * Strongly consistent reads gathered across concurrent callers: keys asked for while a read is in
 * flight go out together in the next BatchGetItem (100 keys at most), so concurrent edits share read
 * requests the way their writes share transactions. A caller alone is read at once, as before.
 * Every read still starts after its caller asked, so it sees every write that finished before.
 */
export class CoalescedBatchGet {
  private readonly waiting: Waiter[] = [];
  private inFlight = 0;
  private readonly pumpSoon = oncePerTurn(() => this.pump());

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: BatchGetOptions & { maxFlights: number },
  ) {}

  /** The items found among `keys`, by itemKeyId; more keys than one request takes are read on their own. */
  read(keys: readonly ItemKey[]): Promise<Found> {
    if (new Set(keys.map(itemKeyId)).size > BATCH_GET_LIMIT) {
      return batchGetAll(this.doc, this.tableName, keys, this.options);
    }
    return new Promise<Found>((resolve, reject) => {
      this.waiting.push({ keys, resolve, reject });
      this.pumpSoon();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxFlights && this.waiting.length > 0) {
      this.send(this.nextBatch());
    }
  }

  /** Waiters from the front, as many as fit in one request together. */
  private nextBatch(): Waiter[] {
    const batch: Waiter[] = [];
    const ids = new Set<string>();
    for (let next = this.waiting[0]; next !== undefined; next = this.waiting[0]) {
      const added = new Set(next.keys.map(itemKeyId).filter((id) => !ids.has(id)));
      if (batch.length > 0 && ids.size + added.size > BATCH_GET_LIMIT) break;
      this.waiting.shift();
      batch.push(next);
      for (const id of added) ids.add(id);
    }
    return batch;
  }

  private send(batch: readonly Waiter[]): void {
    this.inFlight += 1;
    batchGetAll(
      this.doc,
      this.tableName,
      batch.flatMap((waiter) => waiter.keys),
      this.options,
    )
      .then(
        (found) => {
          for (const waiter of batch) {
            const own: Found = new Map();
            for (const key of waiter.keys) {
              const item = found.get(itemKeyId(key));
              if (item !== undefined) own.set(itemKeyId(key), item);
            }
            waiter.resolve(own);
          }
        },
        (error: unknown) => {
          for (const waiter of batch) waiter.reject(error);
        },
      )
      .finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
  }
}
