import { routePatterns } from '../../contract/api-paths';
import { reportLinkQuerySchema, type SheetReportResponse } from '../../contract/contract';
import { writeReport } from '../../sheets/write-back/write-report';
import { requireCoordinator } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';
import { reportLinkSecret } from './report-link-secret';
import { signedReportLink } from './signed-report-link';

/**
 * "Generate report..." of the add-on: writes one window's block in the Report tab, then answers a
 * signed download link (no Drive scope needed). Without a link secret nothing is written: a Report
 * tab with no way to download the report would only mislead.
 */
export const postSheetReportRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.sheetReport,
  handle: async ({ request, params, container, identity }) => {
    const query = parseRequest(reportLinkQuerySchema, request.query, 'query');
    const secret = reportLinkSecret(container);
    const config = await loadProject(container, params.projectId ?? '');
    requireCoordinator(config, identity, 'generate the report into the spreadsheet');
    const written = await writeReport(container, config, query.period);
    const link = signedReportLink(
      request,
      container,
      { projectId: config.project.id, windowId: written.windowId, format: query.format },
      secret,
    );
    const body: SheetReportResponse = {
      spreadsheetId: written.spreadsheetId,
      windowId: written.windowId,
      ...link,
      format: query.format,
      sections: written.outline.sections,
      missingAssessments: written.outline.missingAssessments,
      requests: written.requests,
      batchUpdates: written.batchUpdates,
      ...(written.repaired === undefined ? {} : { repaired: written.repaired }),
    };
    return ok(body);
  },
};
