import { routePatterns } from '../../contract/api-paths';
import { type RemindersResponse, remindersQuerySchema } from '../../contract/status-contract';
import { prepareReminders } from '../../domain/completeness/reminders';
import { statusHeadline } from '../../domain/completeness/status-table';
import { computeStatus } from '../../use-cases/compute-status';
import { requireCoordinator } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/**
 * Prepares, never sends: one message per editor who owes cells of the window. Coordinators only, as
 * chasing partners is theirs; the add-on sends from the coordinator's own mailbox (MailApp).
 */
export const getRemindersRoute: ProtectedRoute = {
  method: 'GET',
  pattern: routePatterns.reminders,
  handle: async ({ request, params, container, identity }) => {
    const { period, deadline } = parseRequest(remindersQuerySchema, request.query, 'query');
    const config = await loadProject(container, params.projectId ?? '');
    requireCoordinator(config, identity, 'prepare reminders to partners');
    const status = await computeStatus(container, config, period, container.now());
    const body: RemindersResponse = {
      windowId: status.window.id,
      headline: statusHeadline(status),
      messages: prepareReminders(status, { deadline, projectName: config.project.title }),
    };
    return ok(body);
  },
};
