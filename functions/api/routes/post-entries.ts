import { routePatterns } from '../../contract/api-paths';
import { type EntriesResponse, entriesRequestSchema, MAX_CELLS_PER_REQUEST } from '../../contract/contract';
import { submitEntries } from '../../use-cases/submit-entries';
import { PayloadTooLargeError } from '../api-errors';
import { requireMember } from '../auth/authorize';
import { submitterOf } from '../auth/submitter';
import { parseRequest } from '../parse-request';
import { readJsonBody } from '../request-body';
import { ok, type ProtectedRoute } from '../route';
import { cachedProjectConfigs } from './load-project';

/** Counted before parsing: an oversized paste is refused without validating any of its cells. */
function assertCellCount(body: unknown): void {
  const cells = (body as { cells?: unknown } | null)?.cells;
  if (Array.isArray(cells) && cells.length > MAX_CELLS_PER_REQUEST) {
    throw new PayloadTooLargeError(
      `The request has ${cells.length} cells; at most ${MAX_CELLS_PER_REQUEST} are accepted at once: send a large paste in several requests`,
    );
  }
}

/**
 * One cell or a pasted range (see submitEntries). Bad cells are a 200 with those cells rejected; a
 * partner touching another partner's installation is a 403 before anything is stored. A coordinator's
 * trigger acting for an editor gets that editor's foreign cells rejected one by one. The configuration
 * comes from the process's cache, checked against the stored revision in the same read as the cells.
 */
export const postEntriesRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.entries,
  handle: async ({ request, params, container, identity }) => {
    const body = readJsonBody(request);
    assertCellCount(body);
    const parsed = parseRequest(entriesRequestSchema, body, 'body');
    const submitted = await submitEntries(
      container,
      cachedProjectConfigs(container),
      params.projectId ?? '',
      (config) => {
        requireMember(config, identity);
        return submitterOf(
          config,
          identity,
          parsed.actingFor,
          parsed.cells.map((cell) => cell.installationId),
        );
      },
      { cells: parsed.cells, requestId: parsed.requestId },
    );
    const response: EntriesResponse = submitted;
    return ok(response);
  },
};
