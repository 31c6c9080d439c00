import { createHmac } from 'node:crypto';
import type { ReportFormat } from '../domain/report/report-model';
import { verifySignedLink } from './verify-signed-link';

/** What a link grants: one project's report for one window, in one format, until a time. */
export interface ReportLinkClaims {
  projectId: string;
  /** The window id as parsed ("PY1"), so "py1" and "PY1" sign the same. */
  period: string;
  format: ReportFormat;
  /** Unix seconds. */
  expires: number;
}

/** Hex HMAC-SHA256 over the claims, one per line so no field can run into the next. */
export function reportLinkSignature(claims: ReportLinkClaims, secret: string): string {
  return createHmac('sha256', secret)
    .update([claims.projectId, claims.period, claims.format, String(claims.expires)].join('\n'))
    .digest('hex');
}

/** The query of a signed link to GET /v1/projects/{id}/report. */
export function signedReportQuery(claims: ReportLinkClaims, secret: string): string {
  return new URLSearchParams({
    period: claims.period,
    format: claims.format,
    expires: String(claims.expires),
    signature: reportLinkSignature(claims, secret),
  }).toString();
}

/**
 * Checks a link's signature, then its expiry: an altered link is "not valid" even when also old, and
 * only a genuine link is told it expired. Compared in constant time.
 */
export function verifyReportLink(
  claims: Omit<ReportLinkClaims, 'expires'> & { expires: string | undefined },
  signature: string,
  secret: string,
  nowSeconds: number,
): void {
  verifySignedLink(
    claims.expires,
    signature,
    (expires) => reportLinkSignature({ ...claims, expires }, secret),
    nowSeconds,
  );
}
