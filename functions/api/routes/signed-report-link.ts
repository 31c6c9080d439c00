import { DateTime } from 'luxon';
import { apiPaths } from '../../contract/api-paths';
import type { ReportFormat } from '../../domain/report/report-model';
import { signedReportQuery } from '../../report/report-link';
import type { Container } from '../container';
import type { ApiRequest } from '../http-types';

export interface SignedReportLink {
  /** GET this without any token until expiresAt: the report file. */
  url: string;
  /** ISO instant, UTC. */
  expiresAt: string;
}

/** Where the caller reached us: PUBLIC_BASE_URL when set, else the request's own scheme and host. */
export function baseUrlOf(request: ApiRequest, configured: string | undefined): string {
  if (configured !== undefined) return configured.replace(/\/+$/, '');
  const proto = request.headers['x-forwarded-proto']?.split(',')[0]?.trim() || 'http';
  const host = request.headers['x-forwarded-host']?.split(',')[0]?.trim() || request.headers.host;
  return `${proto}://${host ?? 'localhost'}`;
}

/** A URL to GET .../report that carries its own proof (HMAC, expiry), valid for REPORT_LINK_TTL_SECONDS. */
export function signedReportLink(
  request: ApiRequest,
  container: Pick<Container, 'now' | 'reportLinks'>,
  report: { projectId: string; windowId: string; format: ReportFormat },
  secret: string,
): SignedReportLink {
  const expires = Math.floor(container.now().toSeconds()) + container.reportLinks.ttlSeconds;
  const path = apiPaths.report(report.projectId, report.windowId, report.format).split('?')[0] ?? '';
  const query = signedReportQuery(
    { projectId: report.projectId, period: report.windowId, format: report.format, expires },
    secret,
  );
  return {
    url: `${baseUrlOf(request, container.reportLinks.publicBaseUrl)}${path}?${query}`,
    expiresAt: DateTime.fromSeconds(expires, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) ?? '',
  };
}
