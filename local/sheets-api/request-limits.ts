/**
 * Google's usage-limits page recommends "a 2-MB maximum payload" for a request
 * (https://developers.google.com/sheets/api/limits); what Google does above it is not documented, so
 * the double takes the stricter reading and refuses a larger body with 400. The product must split
 * its writes to stay under it.
 */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

/**
 * Past this many bytes the double stops reading a body at all (413, connection closed): memory stays
 * bounded whatever a client streams. Between MAX_REQUEST_BYTES and this, the body is read and
 * dropped so the client gets the 400 rather than a reset.
 */
export const MAX_RECEIVED_BYTES = 10 * 1024 * 1024;

/** Google's message when a body is over the size it accepts. */
export const requestTooLargeMessage = (limit: number): string =>
  `Request payload size exceeds the limit: ${limit} bytes.`;
