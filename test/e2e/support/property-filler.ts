import { PROPERTY_STORE_LIMIT, PROPERTY_VALUE_LIMIT } from '../../../local/apps-script/apps-script-host';

/**
 * Room left in the document properties that leaves the outbox full: less than the 48 KB the add-on
 * keeps for its settings and trigger record (RESERVED_BYTES in sheets-addon/core/outbox.ts), still
 * enough for those writes to succeed.
 */
export const OUTBOX_FULL_LEFT_BYTES = 24 * 1024;

const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Fills a property store as a long outage's queued edits would: values no larger than Apps Script
 * takes, until only `leftBytes` of its quota remain (keys and values counted as the host counts them).
 */
export function fillPropertyStore(store: Map<string, string>, leftBytes: number): void {
  let used = [...store].reduce((sum, [key, value]) => sum + bytesOf(key) + bytesOf(value), 0);
  for (let index = 0; ; index++) {
    const key = `filler.${index}`;
    const room = PROPERTY_STORE_LIMIT - leftBytes - used - bytesOf(key);
    if (room <= 0) return;
    const value = 'x'.repeat(Math.min(PROPERTY_VALUE_LIMIT, room));
    store.set(key, value);
    used += bytesOf(key) + bytesOf(value);
  }
}
