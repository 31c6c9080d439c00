import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { Submitter } from '../api/auth/submitter';
import type { CellOutcome, CellSubmission } from '../api/contract';
import { runWithLimit } from '../commons/run-with-limit';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import type { RawEntry } from '../domain/entries/entry';
import { periodsReadByRules } from '../domain/validation/periods-read-by-rules';
import { validateEntries } from '../domain/validation/validate-entries';
import type { ValidationOutcome } from '../domain/validation/validation-outcome';
import type { EntryStore } from '../storage/entry-store';
import { VersionConflictError } from '../storage/storage-errors';
import { type CellConflict, CellVersionConflictError } from './cell-version-conflict-error';
import { storedValuesOf } from './stored-values';

/** Cells whose key the configuration does not have are answered but never stored: they have no row. */
const UNSTORABLE_RULES = new Set(['unknown-installation', 'unknown-metric', 'period-outside-project']);

/** Distinct cells written at once; cells of the same key are written one after the other, in order. */
const WRITE_CONCURRENCY = 8;

export interface SubmitEntriesDeps {
  entries: Pick<EntryStore, 'listCurrent' | 'recordSubmission'>;
  now: () => DateTime;
}

export interface EntriesSubmission {
  cells: readonly CellSubmission[];
  /** The client's id of the request, so a retry stores each cell once; one is made up when absent. */
  requestId: string | undefined;
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
  deps: SubmitEntriesDeps,
  projectId: string,
  submitter: Submitter,
  submittedAt: string,
  item: Submitted,
): Promise<{ version: number | null; conflict?: CellConflict }> {
  const { cell, outcome } = item;
  try {
    const result = await deps.entries.recordSubmission(
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
 * One cell or a pasted range, from a submitter already authorised. Each cell is validated on its own
 * against the stored values its rules read; every cell of a known key is kept in the history, and
 * becomes the current value only when accepted. Cells of installations the submitter's editor may not
 * write are rejected one by one. Cells of the same key are stored in the order sent, other keys in
 * parallel; cells edited from an outdated version throw CellVersionConflictError after the rest were stored.
 */
export async function submitEntries(
  deps: SubmitEntriesDeps,
  config: ProjectConfig,
  submitter: Submitter,
  submission: EntriesSubmission,
): Promise<CellOutcome[]> {
  const projectId = config.project.id;
  const { cells } = submission;
  const now = deps.now();
  const stored = storedValuesOf(
    await deps.entries.listCurrent(projectId, periodsReadByRules(cells, config.project)),
  );
  const rawEntries: RawEntry[] = cells.map((cell) => ({
    installationId: cell.installationId,
    metricId: cell.metricId,
    periodId: cell.periodId,
    raw: cell.raw,
    ...(cell.cell === undefined ? {} : { cell: cell.cell }),
  }));
  const outcomes = validateEntries(rawEntries, { config, now, stored });
  const requestId = submission.requestId ?? randomUUID();
  const submittedAt = now.toUTC().toISO() ?? new Date().toISOString();
  const items: Submitted[] = cells.map((cell, index) => {
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
      const result = await store(deps, projectId, submitter, submittedAt, item);
      versions.set(item, result.version);
      if (result.conflict !== undefined) conflicts.push(result.conflict);
    }
  });
  if (conflicts.length > 0) throw new CellVersionConflictError(conflicts);
  return items.map((item) => outcomeOf(item, versions.get(item) ?? null));
}
