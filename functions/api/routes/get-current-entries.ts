import { parseWindow } from '../../domain/calendar/reporting-window';
import { requireMember } from '../auth/authorize';
import { type CurrentEntriesResponse, periodIdSchema, windowQuerySchema } from '../contract';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/**
 * The current value of every cell of one period, as submitted: what a client compares with the
 * sheet to find edits no trigger saw (API writes, script edits, inserted rows).
 */
export const getCurrentEntriesRoute: ProtectedRoute = {
  method: 'GET',
  pattern: '/v1/projects/:projectId/entries',
  handle: async ({ request, params, container, identity }) => {
    const projectId = params.projectId ?? '';
    const config = await loadProject(container, projectId);
    requireMember(config, identity);
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const periodId = parseRequest(periodIdSchema, period, 'period');
    parseWindow(config.project, periodId); // a period outside the project is a 400 naming the range
    const current = await container.entries.listCurrent(projectId, [periodId]);
    const body: CurrentEntriesResponse = {
      periodId,
      entries: current.map((entry) => ({
        installationId: entry.installationId,
        metricId: entry.metricId,
        periodId: entry.periodId,
        raw: entry.raw,
        status: entry.status,
        normalized: entry.normalized,
        version: entry.version,
        message: (entry.issues ?? []).map((issue) => issue.message).join(' '),
      })),
    };
    return ok(body);
  },
};
