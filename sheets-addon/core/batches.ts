/** Splits a list into requests the API accepts (it refuses more than MAX_CELLS_PER_REQUEST at once). */
export function inBatches<T>(items: readonly T[], limit: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += limit) batches.push(items.slice(start, start + limit));
  return batches;
}
