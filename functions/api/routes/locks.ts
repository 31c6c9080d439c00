import { routePatterns } from '../../contract/api-paths';
import { windowQuerySchema } from '../../contract/contract';
import {
  type LocksResponse,
  lockRequestSchema,
  type PeriodLockView,
  reopenRequestSchema,
} from '../../contract/lock-contract';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import { setupSheet } from '../../sheets/write-back/setup-sheet';
import { SheetNotBoundError } from '../../sheets/write-back/write-back-errors';
import { lockPeriod, reopenPeriod } from '../../use-cases/lock-period';
import { requireCoordinator, requireMember } from '../auth/authorize';
import type { Container } from '../container';
import { parseRequest } from '../parse-request';
import { readJsonBody } from '../request-body';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/**
 * The bound sheet's protection brought in line with the locks (setup: one read, one batchUpdate):
 * a locked period's column becomes the coordinators'. The lock is stored first and stands whatever
 * the Sheets API answers: a failure is told, and the next setup protects the column.
 */
async function protectSheet(container: Container, config: ProjectConfig): Promise<{ sheet: string }> {
  try {
    await setupSheet(container, config);
    return { sheet: "The Metrics tab's protection now follows the locks." };
  } catch (error) {
    if (error instanceof SheetNotBoundError) return { sheet: 'No spreadsheet is bound: nothing to protect.' };
    container.log(`lock stored, sheet protection not written: ${(error as Error).message}`);
    return {
      sheet: `The lock is stored, but the sheet's protection could not be written (${(error as Error).message}): run Set up again.`,
    };
  }
}

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
    return ok({ ...lock, ...(await protectSheet(container, config)) });
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
    return ok({ ...lock, ...(await protectSheet(container, config)) });
  },
};
