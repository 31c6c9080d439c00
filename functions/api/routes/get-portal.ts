import { routePatterns } from '../../contract/api-paths';
import { portalQuerySchema } from '../../contract/portal-contract';
import { parseWindow } from '../../domain/calendar/reporting-window';
import { verifyPortalLink } from '../../report/portal/portal-link';
import { renderPortalTable } from '../../report/portal/render-portal';
import { loadPortalTable } from '../../use-cases/load-portal-table';
import { requireMember } from '../auth/authorize';
import type { ApiResponse } from '../http-types';
import { parseRequest } from '../parse-request';
import type { PublicRoute } from '../route';
import { loadProject } from './load-project';
import { reportLinkSecret } from './report-link-secret';

/**
 * The EC portal's Installations table as a file. Like GET .../report: members send their token, a
 * signed link (POST .../portal/link) carries its own proof, so the route authenticates itself.
 */
export const getPortalRoute: PublicRoute = {
  method: 'GET',
  pattern: routePatterns.portal,
  public: true,
  handle: async ({ request, params, container }): Promise<ApiResponse> => {
    const query = parseRequest(portalQuerySchema, request.query, 'query');
    const projectId = params.projectId ?? '';
    const now = container.now();
    if (query.signature !== undefined) {
      verifyPortalLink(
        { projectId, period: query.period, format: query.format, expires: query.expires },
        query.signature,
        reportLinkSecret(container),
        Math.floor(now.toSeconds()),
      );
    } else {
      const identity = await container.authenticate(request);
      requireMember(await loadProject(container, projectId), identity);
    }
    const config = await loadProject(container, projectId);
    const window = parseWindow(config.project, query.period);
    const file = await renderPortalTable(
      await loadPortalTable(container, config, window.id, now),
      query.format,
    );
    return {
      status: 200,
      body: null,
      bytes: file.bytes,
      headers: {
        'x-content-type-options': 'nosniff',
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'content-length': String(file.bytes.length),
      },
    };
  },
};
