import { routePatterns } from '../../contract/api-paths';
import type { DiagnosticsResponse } from '../../contract/diagnostics-contract';
import { diagnoseDeployment } from '../../use-cases/diagnose-deployment';
import { requireCoordinator } from '../auth/authorize';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/**
 * A deployer's check of what only the backend can see (its table, the spreadsheet as its service
 * account sees it, its secrets present or not): `va-assess doctor` calls it. Coordinators only; it
 * writes nothing that stays and never shows a secret.
 */
export const getDiagnosticsRoute: ProtectedRoute = {
  method: 'GET',
  pattern: routePatterns.diagnostics,
  handle: async ({ params, container, identity }) => {
    const config = await loadProject(container, params.projectId ?? '');
    requireCoordinator(config, identity, 'check the deployment');
    const checks = await diagnoseDeployment(container, {
      projectId: config.project.id,
      by: identity.email,
      at: container.now().toISO() ?? '',
    });
    const body: DiagnosticsResponse = { projectId: config.project.id, checks };
    return ok(body);
  },
};
