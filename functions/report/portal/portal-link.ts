import { createHmac, timingSafeEqual } from 'node:crypto';
import { ReportLinkExpiredError, ReportLinkInvalidError } from '../report-link-errors';
import type { PortalFormat } from './render-portal';

/** What a portal link grants: one project's portal table for one window, in one format, until a time. */
export interface PortalLinkClaims {
  projectId: string;
  period: string;
  format: PortalFormat;
  /** Unix seconds. */
  expires: number;
}

/**
 * Hex HMAC-SHA256 over the claims, one per line, after a first line naming the resource: signed with
 * the report links' secret, a portal signature can never pass for a report's, nor the reverse.
 */
export function portalLinkSignature(claims: PortalLinkClaims, secret: string): string {
  return createHmac('sha256', secret)
    .update(['ec-portal', claims.projectId, claims.period, claims.format, String(claims.expires)].join('\n'))
    .digest('hex');
}

/** The query of a signed link to GET /v1/projects/{id}/portal. */
export function signedPortalQuery(claims: PortalLinkClaims, secret: string): string {
  return new URLSearchParams({
    period: claims.period,
    format: claims.format,
    expires: String(claims.expires),
    signature: portalLinkSignature(claims, secret),
  }).toString();
}

/** Signature first, then expiry, in constant time, as for report links (report-link.ts). */
export function verifyPortalLink(
  claims: Omit<PortalLinkClaims, 'expires'> & { expires: string | undefined },
  signature: string,
  secret: string,
  nowSeconds: number,
): void {
  if (claims.expires === undefined || !/^\d{1,12}$/.test(claims.expires)) {
    throw new ReportLinkInvalidError('its "expires" is missing or not a time');
  }
  const expires = Number(claims.expires);
  const expected = Buffer.from(portalLinkSignature({ ...claims, expires }, secret), 'hex');
  const given = /^[0-9a-f]+$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ReportLinkInvalidError('its signature does not match its project, period, format and expiry');
  }
  if (nowSeconds >= expires) {
    throw new ReportLinkExpiredError(new Date(expires * 1000).toISOString().replace('.000Z', 'Z'));
  }
}
