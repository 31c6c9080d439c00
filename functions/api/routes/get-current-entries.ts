import { routePatterns } from '../../contract/api-paths';
import {
  type CurrentEntriesOfPeriodsResponse,
  type CurrentEntriesResponse,
  type LatestSubmissionView,
  periodIdSchema,
  periodListQuerySchema,
  windowQuerySchema,
} from '../../contract/contract';
import type { ValidationIssue } from '../../domain/validation/validation-outcome';
import type { LatestSubmission } from '../../storage/entry-records';
import { listCellsByPeriod, type PeriodCells } from '../../use-cases/list-cells-by-period';
import { requireMember } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/** As a POST outcome joins them, so a client shows the same sentence either way. */
const messageOf = (issues: readonly ValidationIssue[]) => issues.map((issue) => issue.message).join(' ');

const latestView = (latest: LatestSubmission): LatestSubmissionView => ({
  raw: latest.raw,
  status: latest.status,
  message: messageOf(latest.issues),
  issues: latest.issues,
  version: latest.version,
  submittedAt: latest.submittedAt,
});

const periodView = ({ periodId, cells }: PeriodCells): CurrentEntriesResponse => ({
  periodId,
  entries: cells.flatMap(({ current, latest }) =>
    current === null
      ? []
      : [
          {
            installationId: current.installationId,
            metricId: current.metricId,
            periodId: current.periodId,
            raw: current.raw,
            status: current.status,
            normalized: current.normalized,
            version: current.version,
            message: messageOf(current.issues ?? []),
            ...(latest === null ? {} : { latest: latestView(latest) }),
          },
        ],
  ),
  unstored: cells.flatMap(({ installationId, metricId, periodId: cellPeriod, current, latest }) =>
    current === null && latest !== null
      ? [{ installationId, metricId, periodId: cellPeriod, latest: latestView(latest) }]
      : [],
  ),
});

/**
 * The current value of every cell of one period (?period=P1), or of several at once
 * (?periods=P1,P2,P3, answered period by period), as submitted, and the newer rejected input of any
 * cell: what a client compares with the sheet to find edits no trigger saw (API writes, script edits,
 * inserted rows) without resending the ones already answered. A period outside the project is a 400
 * naming it and the range.
 */
export const getCurrentEntriesRoute: ProtectedRoute = {
  method: 'GET',
  pattern: routePatterns.entries,
  handle: async ({ request, params, container, identity }) => {
    const projectId = params.projectId ?? '';
    const config = await loadProject(container, projectId);
    requireMember(config, identity);
    if (request.query.periods !== undefined) {
      const { periods } = parseRequest(periodListQuerySchema, request.query, 'query');
      const grouped = await listCellsByPeriod(container, config.project, periods);
      const body: CurrentEntriesOfPeriodsResponse = { periods: grouped.map(periodView) };
      return ok(body);
    }
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const periodId = parseRequest(periodIdSchema, period, 'period');
    const [one] = await listCellsByPeriod(container, config.project, [periodId]);
    return ok(periodView(one ?? { periodId, cells: [] }));
  },
};
