import { createHmac } from 'node:crypto';
import { verifySignedLink } from '../verify-signed-link';
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
  verifySignedLink(
    claims.expires,
    signature,
    (expires) => portalLinkSignature({ ...claims, expires }, secret),
    nowSeconds,
  );
}
