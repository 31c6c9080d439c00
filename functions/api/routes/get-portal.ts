import { routePatterns } from '../../contract/api-paths';
import { portalQuerySchema } from '../../contract/portal-contract';
import { parseWindow } from '../../domain/calendar/reporting-window';
import { verifyPortalLink } from '../../report/portal/portal-link';
import { renderPortalTable } from '../../report/portal/render-portal';
import { loadPortalTable } from '../../use-cases/load-portal-table';
import type { ApiResponse } from '../http-types';
import { parseRequest } from '../parse-request';
import { fileResponse, type PublicRoute } from '../route';
import { requireSignedLinkOrMember } from './signed-link-or-member';

/**
 * The EC portal's Installations table as a file. Like GET .../report: members send their token, a
 * signed link (POST .../portal/link) carries its own proof, so the route authenticates itself.
 */
export const getPortalRoute: PublicRoute = {
  method: 'GET',
  pattern: routePatterns.portal,
  public: true,
  handle: async (context): Promise<ApiResponse> => {
    const { request, params, container } = context;
    const query = parseRequest(portalQuerySchema, request.query, 'query');
    const projectId = params.projectId ?? '';
    const now = container.now();
    const config = await requireSignedLinkOrMember(
      context,
      query.signature,
      (signature, secret, nowSeconds) =>
        verifyPortalLink(
          { projectId, period: query.period, format: query.format, expires: query.expires },
          signature,
          secret,
          nowSeconds,
        ),
    );
    const window = parseWindow(config.project, query.period);
    const file = await renderPortalTable(
      await loadPortalTable(container, config, window.id, now),
      query.format,
    );
    return fileResponse(file, 'attachment');
  },
};
