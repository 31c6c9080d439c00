import { timingSafeEqual } from 'node:crypto';
import { ReportLinkExpiredError, ReportLinkInvalidError } from './report-link-errors';

/**
 * Checks a signed download link (a report's or the EC portal table's): its signature first, then its
 * expiry, so that an altered link is "not valid" even when also old and only a genuine link is told it
 * expired. Compared in constant time. `signatureAt` signs the link's claims with the expiry it carries.
 */
export function verifySignedLink(
  expiresText: string | undefined,
  signature: string,
  signatureAt: (expires: number) => string,
  nowSeconds: number,
): void {
  if (expiresText === undefined || !/^\d{1,12}$/.test(expiresText)) {
    throw new ReportLinkInvalidError('its "expires" is missing or not a time');
  }
  const expires = Number(expiresText);
  const expected = Buffer.from(signatureAt(expires), 'hex');
  const given = /^[0-9a-f]+$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ReportLinkInvalidError('its signature does not match its project, period, format and expiry');
  }
  if (nowSeconds >= expires) {
    throw new ReportLinkExpiredError(new Date(expires * 1000).toISOString().replace('.000Z', 'Z'));
  }
}
