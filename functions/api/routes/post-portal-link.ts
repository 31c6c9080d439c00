import { DateTime } from 'luxon';
import { apiPaths, routePatterns } from '../../contract/api-paths';
import { type PortalLinkResponse, portalLinkQuerySchema } from '../../contract/portal-contract';
import { parseWindow } from '../../domain/calendar/reporting-window';
import { signedPortalQuery } from '../../report/portal/portal-link';
import { portalFileName } from '../../report/portal/render-portal';
import { loadPortalTable } from '../../use-cases/load-portal-table';
import { requireMember } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';
import { reportLinkSecret } from './report-link-secret';
import { baseUrlOf } from './signed-report-link';

/**
 * A short-lived URL to GET .../portal that needs no token, for the sheet's "EC portal table…" dialog.
 * The table is built first, so a configuration missing a portal field answers 400 naming it here,
 * not in a browser tab later.
 */
export const postPortalLinkRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.portalLink,
  handle: async ({ request, params, container, identity }) => {
    const query = parseRequest(portalLinkQuerySchema, request.query, 'query');
    const secret = reportLinkSecret(container);
    const config = await loadProject(container, params.projectId ?? '');
    requireMember(config, identity);
    const window = parseWindow(config.project, query.period);
    const table = await loadPortalTable(container, config, window.id, container.now());
    const expires = Math.floor(container.now().toSeconds()) + container.reportLinks.ttlSeconds;
    const path = apiPaths.portal(config.project.id, window.id, query.format).split('?')[0] ?? '';
    const signed = signedPortalQuery(
      { projectId: config.project.id, period: window.id, format: query.format, expires },
      secret,
    );
    const body: PortalLinkResponse = {
      url: `${baseUrlOf(request, container.reportLinks.publicBaseUrl)}${path}?${signed}`,
      expiresAt: DateTime.fromSeconds(expires, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) ?? '',
      fileName: portalFileName(table, query.format),
      windowLabel: table.windowLabel,
      rows: table.rows.length,
    };
    return ok(body);
  },
};
