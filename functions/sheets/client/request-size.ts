import type { sheets_v4 } from '@googleapis/sheets';
import { SheetsRequestTooLargeError } from './sheets-errors';

/**
 * "To speed up requests, we recommend a 2 MB maximum payload" (Sheets API usage limits,
 * https://developers.google.com/workspace/sheets/api/limits): the stricter reading, 2,000,000 bytes,
 * so no write-back depends on what Google tolerates above it.
 */
export const MAX_BATCH_UPDATE_BYTES = 2_000_000;

/** The body's size as sent: the client posts it as compact JSON, in UTF-8. */
export function batchUpdateBytes(body: sheets_v4.Schema$BatchUpdateSpreadsheetRequest): number {
  return Buffer.byteLength(JSON.stringify(body), 'utf8');
}

/**
 * For a plan that may grow large (the setup of hundreds of installations): whether these requests,
 * with the gateway's own bookkeeping (a write marker, a few marker deletions), fit in one batchUpdate.
 * A plan that can be split into independent batches can use it to choose where to cut.
 */
export function fitsOneBatchUpdate(requests: readonly sheets_v4.Schema$Request[]): boolean {
  const BOOKKEEPING_BYTES = 2_000;
  return batchUpdateBytes({ requests: [...requests] }) + BOOKKEEPING_BYTES <= MAX_BATCH_UPDATE_BYTES;
}

/** Refuses, before anything is sent, a body Google may refuse: nothing is written, the error says why. */
export function assertBatchUpdateFits(body: sheets_v4.Schema$BatchUpdateSpreadsheetRequest): void {
  const bytes = batchUpdateBytes(body);
  if (bytes > MAX_BATCH_UPDATE_BYTES) throw new SheetsRequestTooLargeError(bytes, MAX_BATCH_UPDATE_BYTES);
}
