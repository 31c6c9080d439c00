import { ItemTooLargeError, MAX_ITEM_BYTES } from './storage-errors';

/**
 * An upper estimate of an item's size as DynamoDB counts it (attribute names + values, UTF-8), so an
 * oversized item is refused with a clear error before the write instead of a ValidationException.
 */
export function estimateItemBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number') return 21;
  if (Array.isArray(value))
    return 3 + value.reduce((sum: number, member) => sum + 1 + estimateItemBytes(member), 0);
  if (typeof value === 'object') {
    return (
      3 +
      Object.entries(value).reduce(
        (sum, [name, member]) => sum + 1 + Buffer.byteLength(name, 'utf8') + estimateItemBytes(member),
        0,
      )
    );
  }
  return Buffer.byteLength(String(value), 'utf8');
}

/**
 * Refuses an item over DynamoDB's limit before the write, naming `what` was too big; answers the
 * estimated size of an item that fits, for a caller that adds items up against a request's limit.
 */
export function assertItemFits(item: unknown, what: string): number {
  const bytes = estimateItemBytes(item);
  if (bytes > MAX_ITEM_BYTES) throw new ItemTooLargeError(what, bytes);
  return bytes;
}
