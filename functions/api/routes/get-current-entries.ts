import { parseWindow } from '../../domain/calendar/reporting-window';
import type { ValidationIssue } from '../../domain/validation/validation-outcome';
import type { LatestSubmission } from '../../storage/entry-records';
import { requireMember } from '../auth/authorize';
import {
  type CurrentEntriesResponse,
  type LatestSubmissionView,
  periodIdSchema,
  windowQuerySchema,
} from '../contract';
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

/**
 * The current value of every cell of one period, as submitted, and the newer rejected input of any
 * cell: what a client compares with the sheet to find edits no trigger saw (API writes, script edits,
 * inserted rows) without resending the ones already answered.
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
    const cells = await container.entries.listCells(projectId, [periodId]);
    const body: CurrentEntriesResponse = {
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
    };
    return ok(body);
  },
};
