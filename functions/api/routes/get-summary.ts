import { routePatterns } from '../../contract/api-paths';
import { type SummaryResponse, windowQuerySchema } from '../../contract/contract';
import { summaryAsReported } from '../../domain/summary/reported-budgets';
import { summaryHeadlines } from '../../domain/summary/summary-headlines';
import { computeSummary } from '../../use-cases/compute-summary';
import { requireMember } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

export const getSummaryRoute: ProtectedRoute = {
  method: 'GET',
  pattern: routePatterns.summary,
  handle: async ({ request, params, container, identity }) => {
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const config = await loadProject(container, params.projectId ?? '');
    requireMember(config, identity);
    const summary = await computeSummary(container, config, period, container.now());
    const body: SummaryResponse = {
      windowId: summary.window.id,
      headlines: summaryHeadlines(summary),
      summary: summaryAsReported(summary),
    };
    return ok(body);
  },
};
