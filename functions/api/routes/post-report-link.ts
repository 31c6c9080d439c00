import { DateTime } from 'luxon';
import { parseWindow } from '../../domain/calendar/reporting-window';
import { reportOutline } from '../../domain/report/report-outline';
import { signedReportQuery } from '../../report/report-link';
import { requireMember } from '../auth/authorize';
import { apiPaths, type ReportLinkResponse, reportLinkQuerySchema } from '../contract';
import type { ApiRequest } from '../http-types';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';
import { loadReportModel } from './load-report-model';
import { reportLinkSecret } from './report-link-secret';

/** Where the caller reached us: PUBLIC_BASE_URL when set, else the request's own scheme and host. */
function baseUrlOf(request: ApiRequest, configured: string | undefined): string {
  if (configured !== undefined) return configured.replace(/\/+$/, '');
  const proto = request.headers['x-forwarded-proto']?.split(',')[0]?.trim() || 'http';
  const host = request.headers['x-forwarded-host']?.split(',')[0]?.trim() || request.headers.host;
  return `${proto}://${host ?? 'localhost'}`;
}

/**
 * A short-lived URL to GET .../report that needs no token, for the sheet's download dialog (no Drive
 * scope needed). Any member may ask; the answer also carries the outline the Report tab shows.
 */
export const postReportLinkRoute: ProtectedRoute = {
  method: 'POST',
  pattern: '/v1/projects/:projectId/report/link',
  handle: async ({ request, params, container, identity }) => {
    const query = parseRequest(reportLinkQuerySchema, request.query, 'query');
    const secret = reportLinkSecret(container);
    const config = await loadProject(container, params.projectId ?? '');
    requireMember(config, identity);
    const window = parseWindow(config.project, query.period);
    const now = container.now();
    const expires = Math.floor(now.toSeconds()) + container.reportLinks.ttlSeconds;
    const path = apiPaths.report(config.project.id, window.id, query.format).split('?')[0] ?? '';
    const signed = signedReportQuery(
      { projectId: config.project.id, period: window.id, format: query.format, expires },
      secret,
    );
    const model = await loadReportModel(container, config, window.id, now);
    const body: ReportLinkResponse = {
      url: `${baseUrlOf(request, container.reportLinks.publicBaseUrl)}${path}?${signed}`,
      expiresAt: DateTime.fromSeconds(expires, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) ?? '',
      outline: reportOutline(model),
    };
    return ok(body);
  },
};
