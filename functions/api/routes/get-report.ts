import { routePatterns } from '../../contract/api-paths';
import { reportQuerySchema } from '../../contract/contract';
import { verifyReportLink } from '../../report/report-link';
import { renderStoredReport } from '../../use-cases/render-stored-report';
import type { ApiResponse } from '../http-types';
import { parseRequest } from '../parse-request';
import { fileResponse, type PublicRoute } from '../route';
import { requireSignedLinkOrMember } from './signed-link-or-member';

/**
 * The HTML report is served from the API's own origin: were a config or assessment text ever to slip
 * through unescaped, it still could not run a script, load anything or be framed. Its charts are data:
 * images and its styles inline (fileResponse adds nosniff, which keeps a browser from reading Markdown as HTML).
 */
const REPORT_HEADERS = {
  'content-security-policy':
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/**
 * The report file. Members send their token as for every route; a signed link (POST .../report/link)
 * carries its own proof instead, so the sheet's dialog can hand it to a browser. That is why the
 * route is public and authenticates itself.
 */
export const getReportRoute: PublicRoute = {
  method: 'GET',
  pattern: routePatterns.report,
  public: true,
  handle: async (context): Promise<ApiResponse> => {
    const { request, params, container } = context;
    const query = parseRequest(reportQuerySchema, request.query, 'query');
    const projectId = params.projectId ?? '';
    const now = container.now();
    const config = await requireSignedLinkOrMember(
      context,
      query.signature,
      (signature, secret, nowSeconds) =>
        verifyReportLink(
          { projectId, period: query.period, format: query.format, expires: query.expires },
          signature,
          secret,
          nowSeconds,
        ),
    );
    const report = await renderStoredReport(container, config, query.period, query.format, now);
    // Word files download; HTML and Markdown open in the browser, still with a file name to save under.
    const disposition = query.format === 'docx' ? 'attachment' : 'inline';
    return fileResponse(report, disposition, REPORT_HEADERS);
  },
};
