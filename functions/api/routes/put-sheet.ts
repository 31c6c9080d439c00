import { routePatterns } from '../../contract/api-paths';
import { sheetBindRequestSchema } from '../../contract/contract';
import { bindProvenSpreadsheet } from '../../use-cases/bind-proven-spreadsheet';
import { requireCoordinator } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { readJsonBody } from '../request-body';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';
import { sheetBindingView } from './sheet-binding-view';

/**
 * Coordinators bind the project's spreadsheet once they proved they can edit it (POST .../sheet/challenge
 * first); the write-backs then go there. A spreadsheet bound to another project is refused.
 */
export const putSheetRoute: ProtectedRoute = {
  method: 'PUT',
  pattern: routePatterns.sheet,
  handle: async ({ request, params, container, identity }) => {
    const config = await loadProject(container, params.projectId ?? '');
    requireCoordinator(config, identity, 'bind the spreadsheet');
    const { spreadsheetId } = parseRequest(sheetBindRequestSchema, readJsonBody(request), 'body');
    const binding = await bindProvenSpreadsheet(container, {
      projectId: config.project.id,
      spreadsheetId,
      email: identity.email,
    });
    return ok(await sheetBindingView(container, config.project.id, binding));
  },
};
