import type { CellSubmission } from '../../functions/shared/addon-contract';
import { MAX_BODY_BYTES, MAX_CELLS_PER_REQUEST } from '../../functions/shared/addon-contract';
import { utf8Length } from './bytes';

/** Splits a list into requests the API accepts (it refuses more than MAX_CELLS_PER_REQUEST at once). */
export function inBatches<T>(items: readonly T[], limit: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += limit) batches.push(items.slice(start, start + limit));
  return batches;
}

export interface RequestLimits {
  maxCells: number;
  /** Bytes of the cells' JSON in one request, leaving room for actingFor, requestId and brackets. */
  maxBytes: number;
}

/**
 * What one POST .../entries may carry: the API refuses a whole request above either limit (413), so a
 * paste of a few very long texts is split by size as well as by count.
 */
export const ENTRIES_REQUEST_LIMITS: RequestLimits = {
  maxCells: MAX_CELLS_PER_REQUEST,
  maxBytes: MAX_BODY_BYTES - 16 * 1024,
};

export const submissionBytes = (submission: CellSubmission) => utf8Length(JSON.stringify(submission)) + 1;

/**
 * Greedy, in order: an item joins the current request while both limits hold, else starts the next.
 * Appending items never changes the earlier requests, which is what keeps resent requests identical.
 * `joins` lets a caller keep apart items that must not share a request (another editor).
 */
export function requestBatches<T>(
  items: readonly T[],
  limits: RequestLimits,
  bytesOf: (item: T) => number,
  joins: (batch: readonly T[], item: T) => boolean = () => true,
): T[][] {
  const batches: T[][] = [];
  let bytes = 0;
  for (const item of items) {
    const size = bytesOf(item);
    const last = batches[batches.length - 1];
    if (
      last !== undefined &&
      last.length < limits.maxCells &&
      bytes + size <= limits.maxBytes &&
      joins(last, item)
    ) {
      last.push(item);
      bytes += size;
    } else {
      batches.push([item]);
      bytes = size;
    }
  }
  return batches;
}
