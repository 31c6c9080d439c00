import { routePatterns } from '../../contract/api-paths';
import { type ReportLinkResponse, reportLinkQuerySchema } from '../../contract/contract';
import { parseWindow } from '../../domain/calendar/reporting-window';
import { reportOutline } from '../../domain/report/report-outline';
import { loadReportModel } from '../../use-cases/load-report-model';
import { requireMember } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';
import { reportLinkSecret } from './report-link-secret';
import { signedReportLink } from './signed-report-link';

/**
 * A short-lived URL to GET .../report that needs no token, for the sheet's download dialog (no Drive
 * scope needed). Any member may ask; the answer also carries the outline the Report tab shows.
 */
export const postReportLinkRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.reportLink,
  handle: async ({ request, params, container, identity }) => {
    const query = parseRequest(reportLinkQuerySchema, request.query, 'query');
    const secret = reportLinkSecret(container);
    const config = await loadProject(container, params.projectId ?? '');
    requireMember(config, identity);
    const window = parseWindow(config.project, query.period);
    const link = signedReportLink(
      request,
      container,
      { projectId: config.project.id, windowId: window.id, format: query.format },
      secret,
    );
    const model = await loadReportModel(container, config, window.id, container.now());
    const body: ReportLinkResponse = { ...link, outline: reportOutline(model) };
    return ok(body);
  },
};
