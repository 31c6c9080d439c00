import { routePatterns } from '../../contract/api-paths';
import { requireMember } from '../auth/authorize';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';
import { sheetBindingView } from './sheet-binding-view';

/** Members see which spreadsheet the project writes to and whom to share it with (the add-on's Settings). */
export const getSheetRoute: ProtectedRoute = {
  method: 'GET',
  pattern: routePatterns.sheet,
  handle: async ({ params, container, identity }) => {
    const config = await loadProject(container, params.projectId ?? '');
    requireMember(config, identity);
    const binding = await container.sheetBindings.get(config.project.id);
    return ok(await sheetBindingView(container, config.project.id, binding));
  },
};
