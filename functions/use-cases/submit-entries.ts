import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { Submitter } from '../api/auth/submitter';
import type { CellOutcome, CellSubmission } from '../api/contract';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { entryKeyString } from '../domain/entries/entry';
import { type CrossEntryReads, crossEntryReads } from '../domain/validation/cross-entry-reads';
import { validateEntries } from '../domain/validation/validate-entries';
import type { ValidationOutcome } from '../domain/validation/validation-outcome';
import type { ConfigSnapshot } from '../storage/config-revision';
import { type CurrentEntry, currentFromCell, type SubmissionRecord } from '../storage/entry-records';
import type { EntryStore, SubmissionRead } from '../storage/entry-store';
import {
  ConfigChangedError,
  RequestIdReusedError as StoredRequestIdReusedError,
  VersionConflictError,
} from '../storage/storage-errors';
import { type CellConflict, CellVersionConflictError } from './cell-version-conflict-error';
import type { ConfigSource } from './config-source';
import { recheckReaders } from './recheck-readers';
import { RequestIdReusedError, type ReusedCell } from './request-id-reused-error';
import { storedValuesOf } from './stored-values';

/** Cells whose key the configuration does not have are answered but never stored: they have no row. */
const UNSTORABLE_RULES = new Set(['unknown-installation', 'unknown-metric', 'period-outside-project']);

/** Times a submission reads again after seeing a configuration newer than the one it validated with. */
const CONFIG_REREADS = 2;

export interface SubmitEntriesDeps {
  entries: Pick<EntryStore, 'readForSubmission' | 'recordSubmissions'>;
  now: () => DateTime;
}

/** The cells' outcomes, and the stored cells whose outcome changed because of them. */
export interface SubmittedEntries {
  outcomes: CellOutcome[];
  /** Stored cells re-checked against the new values (e.g. the next period's sudden-jump warning). */
  revalidated: CellOutcome[];
}

/** Built once per configuration object: the cache hands out the same one until it changes. */
const readsByConfig = new WeakMap<ProjectConfig, CrossEntryReads>();

function readsOf(config: ProjectConfig): CrossEntryReads {
  let reads = readsByConfig.get(config);
  if (reads === undefined) {
    reads = crossEntryReads(config);
    readsByConfig.set(config, reads);
  }
  return reads;
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

/** Recorded only when the editor is unknown: who alone could have typed into the cell. */
function possibleEditorsField(submitter: Submitter, installationId: string): { possibleEditors?: string[] } {
  if (submitter.editor !== null) return {};
  const editors = submitter.possibleEditors.get(installationId);
  return editors === undefined ? {} : { possibleEditors: [...editors] };
}

function recordOf(
  projectId: string,
  submitter: Submitter,
  submittedAt: string,
  item: Submitted,
): SubmissionRecord {
  const { cell, outcome } = item;
  return {
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
    ...possibleEditorsField(submitter, cell.installationId),
    submittedBy: submitter.submittedBy,
    via: submitter.via,
    submittedAt,
    requestId: item.requestId,
  };
}

/** What a client repaints for a stored cell whose outcome was re-checked; its value is unchanged. */
function revalidatedOutcome(current: CurrentEntry, outcome: ValidationOutcome): CellOutcome {
  return {
    installationId: current.installationId,
    metricId: current.metricId,
    periodId: current.periodId,
    status: outcome.status,
    message: outcome.issues.map((issue) => issue.message).join(' '),
    issues: outcome.issues,
    normalized: current.normalized,
    value: current.value,
    version: current.version,
  };
}

/**
 * The configuration and the cells the submission's rules read, from one read (or none, when this
 * process saw them all a moment ago: see RecentCells): the cells' read carries the stored
 * configuration's revision, and a revision other than the cached one means the read is repeated with
 * the configuration loaded again (and the caller authorised again against it).
 */
async function readWithConfig(
  deps: SubmitEntriesDeps,
  configs: ConfigSource,
  projectId: string,
  authorise: (config: ProjectConfig) => Submitter,
  cells: readonly CellSubmission[],
  how: { reloadConfig: boolean; readCells: boolean },
): Promise<{ snapshot: ConfigSnapshot; submitter: Submitter; read: SubmissionRead }> {
  let snapshot = how.reloadConfig ? await configs.refresh(projectId) : await configs.current(projectId);
  for (let reread = 0; ; reread += 1) {
    // Before anything is read or stored: a caller the configuration does not admit gets nothing.
    const submitter = authorise(snapshot.config);
    const read = await deps.entries.readForSubmission(
      projectId,
      readsOf(snapshot.config).neighbourhood(cells),
      // Without a known revision the store reads, and the revision read is compared below.
      how.readCells ? undefined : snapshot.revision,
    );
    if (read.configRevision === snapshot.revision || reread >= CONFIG_REREADS) {
      return { snapshot, submitter, read };
    }
    snapshot = await configs.refresh(projectId);
  }
}

/**
 * One cell or a pasted range. The caller is authorised by `authorise` against the configuration the
 * cells are validated with (403 before anything is stored). Each cell is validated against the stored
 * values its rules read; every cell of a known key is kept in the history, and becomes the current
 * value only when accepted. Cells of installations the submitter's editor may not write are rejected
 * one by one. Cells of the same key are stored in the order sent; stored cells whose rules read a
 * changed cell are re-checked, and their outcome updated when it changed. Cells edited from an
 * outdated version throw CellVersionConflictError, and cells whose requestId was used for another
 * value RequestIdReusedError, after the rest were stored. Every transaction checks the configuration
 * revision its cells were validated with: when another process saved the configuration meanwhile,
 * the submission is validated again with the new one (what was stored already is replayed).
 */
export async function submitEntries(
  deps: SubmitEntriesDeps,
  configs: ConfigSource,
  projectId: string,
  authorise: (config: ProjectConfig) => Submitter,
  submission: EntriesSubmission,
): Promise<SubmittedEntries> {
  // Fixed before any attempt: cells an attempt stored are replayed, not stored again, by the next one.
  const requestId = submission.requestId ?? randomUUID();
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await submitOnce(deps, configs, projectId, authorise, submission.cells, requestId, attempt > 0);
    } catch (error) {
      // The configuration was saved again between validating and storing: validate with the new one.
      if (!(error instanceof ConfigChangedError) || attempt >= CONFIG_REREADS) throw error;
    }
  }
}

/** What validating cells found, and what it was validated with. */
interface Validated {
  snapshot: ConfigSnapshot;
  submitter: Submitter;
  read: SubmissionRead;
  currents: Map<string, CurrentEntry>;
  outcomes: ValidationOutcome[];
}

async function validateSubmitted(
  deps: SubmitEntriesDeps,
  configs: ConfigSource,
  projectId: string,
  authorise: (config: ProjectConfig) => Submitter,
  cells: readonly CellSubmission[],
  now: DateTime,
  reloadConfig: boolean,
): Promise<Validated> {
  for (let readCells = false; ; readCells = true) {
    const { snapshot, submitter, read } = await readWithConfig(deps, configs, projectId, authorise, cells, {
      reloadConfig: reloadConfig && !readCells,
      readCells,
    });
    const currents = new Map<string, CurrentEntry>();
    for (const [key, item] of read.cells) {
      const current = currentFromCell(item);
      if (current !== null) currents.set(key, current);
    }
    const outcomes = validateEntries(cells, {
      config: snapshot.config,
      now,
      stored: storedValuesOf([...currents.values()]),
    });
    // A cell refused as unknown is stored nowhere, so no transaction would check the configuration it
    // was refused under: when that one came from memory, read the stored revision before refusing.
    if (!read.recent || outcomes.every(isStorable)) return { snapshot, submitter, read, currents, outcomes };
  }
}

async function submitOnce(
  deps: SubmitEntriesDeps,
  configs: ConfigSource,
  projectId: string,
  authorise: (config: ProjectConfig) => Submitter,
  cells: readonly CellSubmission[],
  requestId: string,
  reloadConfig: boolean,
): Promise<SubmittedEntries> {
  const now = deps.now();
  const { snapshot, submitter, read, currents, outcomes } = await validateSubmitted(
    deps,
    configs,
    projectId,
    authorise,
    cells,
    now,
    reloadConfig,
  );
  const { config } = snapshot;
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
  const stored = items.filter((item) => isStorable(item.outcome));
  const rechecked = recheckReaders({
    config,
    now,
    reads: readsOf(config),
    stored: currents,
    changed: stored
      .filter((item) => item.outcome.status !== 'rejected')
      .map((item) => ({ ...item.cell, value: item.outcome.value })),
    submitted: new Set(stored.map((item) => entryKeyString(item.cell))),
  });

  const written = await deps.entries.recordSubmissions(
    stored.map((item) => ({
      submission: recordOf(projectId, submitter, submittedAt, item),
      ...(item.cell.expectedVersion === undefined ? {} : { expectedVersion: item.cell.expectedVersion }),
      read: read.cells.get(entryKeyString(item.cell)) ?? null,
      configRevision: snapshot.revision,
    })),
    rechecked.map(({ current, outcome }) => ({
      projectId,
      key: current,
      currentVersion: current.version,
      status: outcome.status,
      issues: outcome.issues,
      configRevision: snapshot.revision,
    })),
  );

  const versions = new Map<Submitted, number | null>();
  const conflicts: CellConflict[] = [];
  const reused: ReusedCell[] = [];
  const place = (cell: CellSubmission) => ({
    installationId: cell.installationId,
    metricId: cell.metricId,
    periodId: cell.periodId,
    ...(cell.cell === undefined ? {} : { cell: cell.cell }),
  });
  stored.forEach((item, index) => {
    const settled = written.writes[index];
    if (settled === undefined) throw new Error(`the store settled no write for cell ${index}`);
    if (settled.ok) {
      versions.set(item, settled.value.version);
      return;
    }
    const { error } = settled;
    if (error instanceof VersionConflictError) {
      conflicts.push({ ...place(item.cell), expectedVersion: error.expected, currentVersion: error.actual });
    } else if (error instanceof StoredRequestIdReusedError) {
      reused.push(place(item.cell));
    } else {
      throw error;
    }
  });
  const revalidated: CellOutcome[] = [];
  rechecked.forEach(({ current, outcome }, index) => {
    const settled = written.refreshes[index];
    // A failed re-check fails the request: its retry (same requestId) replays the cells and re-checks again.
    if (settled !== undefined && !settled.ok) throw settled.error;
    if (settled?.value === true) revalidated.push(revalidatedOutcome(current, outcome));
  });
  if (reused.length > 0) throw new RequestIdReusedError(requestId, reused);
  if (conflicts.length > 0) throw new CellVersionConflictError(conflicts);
  return {
    outcomes: items.map((item) => outcomeOf(item, versions.get(item) ?? null)),
    revalidated,
  };
}
