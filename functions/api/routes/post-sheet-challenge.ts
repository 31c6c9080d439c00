import { routePatterns } from '../../contract/api-paths';
import {
  BINDING_CHALLENGE_METADATA_KEY,
  type SheetChallengeResponse,
  sheetBindRequestSchema,
} from '../../contract/contract';
import { requireSpreadsheetOfProject } from '../../use-cases/require-spreadsheet-of-project';
import { requireCoordinator } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { readJsonBody } from '../request-body';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/**
 * A coordinator about to bind a spreadsheet asks for a one-time value; the add-on, running as them
 * inside the spreadsheet, writes it as developer metadata (which only an editor can), and PUT .../sheet
 * reads it back before binding (use-cases/bind-proven-spreadsheet.ts). A spreadsheet another project
 * bound gets no challenge (409), so the add-on writes nothing into it.
 */
export const postSheetChallengeRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.sheetChallenge,
  handle: async ({ request, params, container, identity }) => {
    const config = await loadProject(container, params.projectId ?? '');
    requireCoordinator(config, identity, 'bind the spreadsheet');
    const { spreadsheetId } = parseRequest(sheetBindRequestSchema, readJsonBody(request), 'body');
    await requireSpreadsheetOfProject(container, config.project.id, spreadsheetId);
    const issued = await container.sheetChallenges.issue(config.project.id, identity.email, spreadsheetId);
    const body: SheetChallengeResponse = { ...issued, metadataKey: BINDING_CHALLENGE_METADATA_KEY };
    return ok(body);
  },
};
