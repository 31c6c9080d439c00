import { routePatterns } from '../../contract/api-paths';
import {
  type LocksResponse,
  lockRequestSchema,
  type PeriodLockView,
  reopenRequestSchema,
  windowQuerySchema,
} from '../../contract/contract';
import { lockPeriod, reopenPeriod } from '../../use-cases/lock-period';
import { requireCoordinator, requireMember } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { readJsonBody } from '../request-body';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/** Every lock of the project's periods, reopened ones included: members see what is closed and why. */
export const getLocksRoute: ProtectedRoute = {
  method: 'GET',
  pattern: routePatterns.locks,
  handle: async ({ params, container, identity }) => {
    const config = await loadProject(container, params.projectId ?? '');
    requireMember(config, identity);
    const body: LocksResponse = { locks: await container.locks.list(config.project.id) };
    return ok(body);
  },
};

/** A coordinator locks a window once its deliverable is submitted (409 when a period is locked already). */
export const postLockRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.locks,
  handle: async ({ request, params, container, identity }) => {
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const { deliverable } = parseRequest(lockRequestSchema, readJsonBody(request), 'body');
    const config = await loadProject(container, params.projectId ?? '');
    requireCoordinator(config, identity, 'lock a period');
    const lock: PeriodLockView = await lockPeriod(
      container,
      config,
      { windowSpec: period, deliverable, lockedBy: identity.email },
      container.now(),
    );
    return ok(lock);
  },
};

/** A coordinator reopens a locked window with a reason (404 when it is not locked). */
export const postReopenRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.locksReopen,
  handle: async ({ request, params, container, identity }) => {
    const { period } = parseRequest(windowQuerySchema, request.query, 'query');
    const { reason } = parseRequest(reopenRequestSchema, readJsonBody(request), 'body');
    const config = await loadProject(container, params.projectId ?? '');
    requireCoordinator(config, identity, 'reopen a period');
    const lock: PeriodLockView = await reopenPeriod(
      container,
      config,
      { windowSpec: period, reason, reopenedBy: identity.email },
      container.now(),
    );
    return ok(lock);
  },
};
