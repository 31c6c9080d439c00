import { routePatterns } from '../../contract/api-paths';
import { type SheetWriteBackResponse, windowQuerySchema } from '../../contract/contract';
import { writeAssessments } from '../../sheets/write-back/write-assessments';
import { requireCoordinator } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/** Drafts the window's assessments and writes them to the Assessments tab, keeping people's edits. */
export const postSheetAssessmentsRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.sheetAssessments,
  handle: async ({ request, params, container, identity }) => {
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const config = await loadProject(container, params.projectId ?? '');
    requireCoordinator(config, identity, 'write assessment drafts to the spreadsheet');
    const body: SheetWriteBackResponse = {
      operation: 'assessments',
      ...(await writeAssessments(container, config, period)),
    };
    return ok(body);
  },
};
