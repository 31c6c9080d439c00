import { randomUUID } from 'node:crypto';
import { runWithLimit } from '../../commons/run-with-limit';
import type { RawEntry } from '../../domain/entries/entry';
import { periodsReadByRules } from '../../domain/validation/periods-read-by-rules';
import { validateEntries } from '../../domain/validation/validate-entries';
import type { ValidationOutcome } from '../../domain/validation/validation-outcome';
import { VersionConflictError } from '../../storage/storage-errors';
import { type CellConflict, CellVersionConflictError, PayloadTooLargeError } from '../api-errors';
import { requireMember } from '../auth/authorize';
import { type Submitter, submitterOf } from '../auth/submitter';
import type { Container } from '../container';
import {
  type CellOutcome,
  type CellSubmission,
  type EntriesResponse,
  entriesRequestSchema,
  MAX_CELLS_PER_REQUEST,
} from '../contract';
import { parseRequest } from '../parse-request';
import { readJsonBody } from '../request-body';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';
import { storedValuesOf } from './stored-values';

/** Cells whose key the configuration does not have are answered but never stored: they have no row. */
const UNSTORABLE_RULES = new Set(['unknown-installation', 'unknown-metric', 'period-outside-project']);

/** Distinct cells written at once; cells of the same key are written one after the other, in order. */
const WRITE_CONCURRENCY = 8;

function assertCellCount(body: unknown): void {
  const cells = (body as { cells?: unknown } | null)?.cells;
  if (Array.isArray(cells) && cells.length > MAX_CELLS_PER_REQUEST) {
    throw new PayloadTooLargeError(
      `The request has ${cells.length} cells; at most ${MAX_CELLS_PER_REQUEST} are accepted at once: send a large paste in several requests`,
    );
  }
}

function isStorable(outcome: ValidationOutcome): boolean {
  return !outcome.issues.some((issue) => UNSTORABLE_RULES.has(issue.ruleId));
}

interface Submitted {
  cell: CellSubmission;
  outcome: ValidationOutcome;
  /** Unique per cell and stable across retries of the same request. */
  requestId: string;
}

async function store(
  container: Container,
  projectId: string,
  submitter: Submitter,
  submittedAt: string,
  item: Submitted,
): Promise<{ version: number | null; conflict?: CellConflict }> {
  const { cell, outcome } = item;
  try {
    const result = await container.entries.recordSubmission(
      {
        projectId,
        installationId: cell.installationId,
        metricId: cell.metricId,
        periodId: cell.periodId,
        raw: cell.raw,
        status: outcome.status,
        value: outcome.value,
        normalized: outcome.normalized,
        issues: outcome.issues,
        editor: submitter.editor,
        submittedBy: submitter.submittedBy,
        via: submitter.via,
        submittedAt,
        requestId: item.requestId,
      },
      cell.expectedVersion === undefined ? {} : { expectedVersion: cell.expectedVersion },
    );
    return { version: result.version };
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    return {
      version: null,
      conflict: {
        installationId: cell.installationId,
        metricId: cell.metricId,
        periodId: cell.periodId,
        ...(cell.cell === undefined ? {} : { cell: cell.cell }),
        expectedVersion: error.expected,
        currentVersion: error.actual,
      },
    };
  }
}

function outcomeOf(item: Submitted, version: number | null): CellOutcome {
  const { cell, outcome } = item;
  return {
    installationId: cell.installationId,
    metricId: cell.metricId,
    periodId: cell.periodId,
    ...(cell.cell === undefined ? {} : { cell: cell.cell }),
    status: outcome.status,
    message: outcome.issues.map((issue) => issue.message).join(' '),
    issues: outcome.issues,
    normalized: outcome.normalized,
    value: outcome.value,
    version,
  };
}

/** A cell the reported editor may not write: rejected, and kept in the history as the audit trail. */
function refusedOutcome(outcome: ValidationOutcome, cell: CellSubmission, editor: string): ValidationOutcome {
  const where = cell.cell === undefined ? '' : ` (cell ${cell.cell})`;
  return {
    ...outcome,
    status: 'rejected',
    value: null,
    normalized: '',
    issues: [
      {
        ruleId: 'not-an-editor',
        severity: 'error',
        message:
          `${editor} may not write installation "${cell.installationId}"${where}: only its listed editors ` +
          'and the coordinators may; the value was not taken.',
        found: `a value typed by ${editor}`,
        expected: `a value typed by an editor of "${cell.installationId}" or a coordinator`,
      },
    ],
  };
}

/**
 * One cell or a pasted range. Each cell is validated on its own; every cell of a known key is kept in
 * the history, and becomes the current value only when accepted. Bad cells are a 200 with those cells
 * rejected; a partner touching another partner's installation is a 403 before anything is stored. A
 * coordinator's trigger acting for an editor gets that editor's foreign cells rejected one by one.
 */
export const postEntriesRoute: ProtectedRoute = {
  method: 'POST',
  pattern: '/v1/projects/:projectId/entries',
  handle: async ({ request, params, container, identity }) => {
    const projectId = params.projectId ?? '';
    const body = readJsonBody(request);
    assertCellCount(body);
    const parsed = parseRequest(entriesRequestSchema, body, 'body');
    const config = await loadProject(container, projectId);
    requireMember(config, identity);
    const submitter = submitterOf(
      config,
      identity,
      parsed.actingFor,
      parsed.cells.map((cell) => cell.installationId),
    );

    const now = container.now();
    const stored = storedValuesOf(
      await container.entries.listCurrent(projectId, periodsReadByRules(parsed.cells, config.project)),
    );
    const rawEntries: RawEntry[] = parsed.cells.map((cell) => ({
      installationId: cell.installationId,
      metricId: cell.metricId,
      periodId: cell.periodId,
      raw: cell.raw,
      ...(cell.cell === undefined ? {} : { cell: cell.cell }),
    }));
    const outcomes = validateEntries(rawEntries, { config, now, stored });
    const requestId = parsed.requestId ?? randomUUID();
    const submittedAt = now.toUTC().toISO() ?? new Date().toISOString();
    const items: Submitted[] = parsed.cells.map((cell, index) => {
      const validated = outcomes[index];
      if (validated === undefined) throw new Error(`validateEntries returned no outcome for cell ${index}`);
      const outcome =
        submitter.refused.has(cell.installationId) && submitter.editor !== null
          ? refusedOutcome(validated, cell, submitter.editor)
          : validated;
      return { cell, outcome, requestId: `${requestId}:${index}` };
    });

    // Same key, same order as sent; different keys in parallel.
    const byKey = new Map<string, Submitted[]>();
    for (const item of items.filter((candidate) => isStorable(candidate.outcome))) {
      const key = `${item.cell.installationId}#${item.cell.metricId}#${item.cell.periodId}`;
      byKey.set(key, [...(byKey.get(key) ?? []), item]);
    }
    const versions = new Map<Submitted, number | null>();
    const conflicts: CellConflict[] = [];
    await runWithLimit([...byKey.values()], WRITE_CONCURRENCY, async (sameKey) => {
      for (const item of sameKey) {
        const result = await store(container, projectId, submitter, submittedAt, item);
        versions.set(item, result.version);
        if (result.conflict !== undefined) conflicts.push(result.conflict);
      }
    });
    if (conflicts.length > 0) throw new CellVersionConflictError(conflicts);

    const response: EntriesResponse = {
      outcomes: items.map((item) => outcomeOf(item, versions.get(item) ?? null)),
    };
    return ok(response);
  },
};
