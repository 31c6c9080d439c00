import { routePatterns } from '../../contract/api-paths';
import { type SheetWriteBackResponse, windowQuerySchema } from '../../contract/contract';
import { writeSummary } from '../../sheets/write-back/write-summary';
import { requireCoordinator } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/** Writes one window's block in the Summary tab. */
export const postSheetSummaryRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.sheetSummary,
  handle: async ({ request, params, container, identity }) => {
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const config = await loadProject(container, params.projectId ?? '');
    requireCoordinator(config, identity, 'write the summary to the spreadsheet');
    const body: SheetWriteBackResponse = {
      operation: 'summary',
      ...(await writeSummary(container, config, period)),
    };
    return ok(body);
  },
};
