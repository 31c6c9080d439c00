import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { CellOutcome, CellSubmission } from '../contract/contract';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { entryKeyString } from '../domain/entries/entry';
import { type CrossEntryReads, crossEntryReads } from '../domain/validation/cross-entry-reads';
import { validateEntries } from '../domain/validation/validate-entries';
import type { ValidationOutcome } from '../domain/validation/validation-outcome';
import type { ConfigSnapshot } from '../storage/config-revision';
import { type CurrentEntry, currentFromCell, type RecordedSubmission } from '../storage/entry-records';
import type { EntryStore, Settled, SubmissionRead } from '../storage/entry-store';
import {
  ConfigChangedError,
  RequestIdReusedError as StoredRequestIdReusedError,
  VersionConflictError,
} from '../storage/storage-errors';
import { type CellConflict, CellVersionConflictError } from './cell-version-conflict-error';
import type { ConfigSource } from './config-source';
import { applyLocks } from './locked-cells';
import { recheckReaders } from './recheck-readers';
import { RequestIdReusedError, type ReusedCell } from './request-id-reused-error';
import { storedValuesOf } from './stored-values';
import { SubmissionRetryPolicy } from './submission-retry-policy';
import { outcomeOf, recordOf, refusedOutcome, revalidatedOutcome, type Submitted } from './submitted-cells';
import type { Submitter } from './submitter';

/** Cells whose key the configuration does not have are answered but never stored: they have no row. */
const UNSTORABLE_RULES = new Set(['unknown-installation', 'unknown-metric', 'period-outside-project']);

export interface SubmitEntriesDeps {
  entries: Pick<EntryStore, 'readForSubmission' | 'recordSubmissions'>;
  now: () => DateTime;
}

/** What every step of one submission works with, passed whole rather than argument by argument. */
interface SubmissionContext {
  deps: SubmitEntriesDeps;
  configs: ConfigSource;
  projectId: string;
  /** Authorises the caller against a configuration, and says as whom it submits (403 when not). */
  authorise: (config: ProjectConfig) => Submitter;
  cells: readonly CellSubmission[];
  /** Fixed before any attempt: cells an attempt stored are replayed, not stored again, by the next one. */
  requestId: string;
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

/** What validating the cells found, and what it was validated with. */
interface Validated {
  snapshot: ConfigSnapshot;
  submitter: Submitter;
  read: SubmissionRead;
  currents: Map<string, CurrentEntry>;
  outcomes: ValidationOutcome[];
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
 * the submission is validated again with the new one (what was stored already is replayed). When it
 * is attempted again is SubmissionRetryPolicy's to say.
 */
export async function submitEntries(
  deps: SubmitEntriesDeps,
  configs: ConfigSource,
  projectId: string,
  authorise: (config: ProjectConfig) => Submitter,
  submission: EntriesSubmission,
): Promise<SubmittedEntries> {
  const context: SubmissionContext = {
    deps,
    configs,
    projectId,
    authorise,
    cells: submission.cells,
    requestId: submission.requestId ?? randomUUID(),
  };
  const retries = new SubmissionRetryPolicy();
  let now = deps.now();
  for (;;) {
    try {
      const submitted = await attemptOnce(context, retries, now);
      if (submitted !== undefined) return submitted;
    } catch (error) {
      // The configuration was saved again between validating and storing: validate with the new one.
      if (!(error instanceof ConfigChangedError) || !retries.retry('config-changed')) throw error;
      now = deps.now();
    }
  }
}

/**
 * One attempt: the configuration and the cells the submission's rules read, from one read (or none,
 * when this process saw them all a moment ago: see RecentCells), validated and stored. Undefined when
 * the retry policy says to attempt again: the cells' read carried another revision than the
 * configuration's (read again with the configuration loaded again, and the caller authorised again),
 * or cells were refused as unknown from memory.
 */
async function attemptOnce(
  context: SubmissionContext,
  retries: SubmissionRetryPolicy,
  now: DateTime,
): Promise<SubmittedEntries | undefined> {
  const { attempt } = retries;
  const { configs, projectId } = context;
  const snapshot =
    attempt.config === 'stored' ? await configs.refresh(projectId) : await configs.current(projectId);
  // Before anything is read or stored: a caller the configuration does not admit gets nothing.
  const submitter = context.authorise(snapshot.config);
  const read = await context.deps.entries.readForSubmission(
    projectId,
    readsOf(snapshot.config).neighbourhood(context.cells),
    // Without a known revision the store reads, and the revision read is compared below.
    attempt.readCells ? undefined : snapshot.revision,
  );
  if (read.configRevision !== snapshot.revision && retries.retry('revision-moved')) return undefined;
  const validated = validateCells(context, { snapshot, submitter, read }, now);
  // A cell refused as unknown is stored nowhere, so no transaction would check the configuration it
  // was refused under: when that one came from memory, read the stored revision before refusing.
  if (read.recent && !validated.outcomes.every(isStorable) && retries.retry('refused-from-memory')) {
    return undefined;
  }
  return storeValidated(context, validated, now);
}

function validateCells(
  context: SubmissionContext,
  { snapshot, submitter, read }: Pick<Validated, 'snapshot' | 'submitter' | 'read'>,
  now: DateTime,
): Validated {
  const currents = new Map<string, CurrentEntry>();
  for (const [key, item] of read.cells) {
    const current = currentFromCell(item);
    if (current !== null) currents.set(key, current);
  }
  const outcomes = validateEntries(context.cells, {
    config: snapshot.config,
    now,
    stored: storedValuesOf([...currents.values()]),
  });
  return { snapshot, submitter, read, currents, outcomes };
}

/**
 * The cells as submitted, each with its outcome (refused for a foreign installation or a locked
 * period; a coordinator's change of a locked cell with a reason is an amendment) and requestId.
 */
function submittedOf(
  context: SubmissionContext,
  { submitter, outcomes, read, snapshot }: Validated,
): Submitted[] {
  return context.cells.map((cell, index) => {
    const validated = outcomes[index];
    if (validated === undefined) throw new Error(`validateEntries returned no outcome for cell ${index}`);
    if (submitter.refused.has(cell.installationId) && submitter.editor !== null) {
      return {
        cell,
        outcome: refusedOutcome(validated, cell, submitter.editor),
        requestId: `${context.requestId}:${index}`,
      };
    }
    // A cell the configuration does not know is answered as unknown, never as locked.
    const locked = isStorable(validated)
      ? applyLocks(validated, cell, { locks: read.locks, config: snapshot.config, submitter })
      : { outcome: validated };
    return {
      cell,
      outcome: locked.outcome,
      requestId: `${context.requestId}:${index}`,
      ...(locked.amendment === undefined ? {} : { amendment: locked.amendment }),
    };
  });
}

async function storeValidated(
  context: SubmissionContext,
  validated: Validated,
  now: DateTime,
): Promise<SubmittedEntries> {
  const { projectId } = context;
  const { snapshot, submitter, read, currents } = validated;
  const { config } = snapshot;
  const submittedAt = now.toUTC().toISO() ?? new Date().toISOString();
  const items = submittedOf(context, validated);
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

  const written = await context.deps.entries.recordSubmissions(
    stored.map((item) => ({
      submission: recordOf(projectId, submitter, submittedAt, item),
      ...(item.cell.expectedVersion === undefined ? {} : { expectedVersion: item.cell.expectedVersion }),
      read: read.cells.get(entryKeyString(item.cell)) ?? null,
      configRevision: snapshot.revision,
      lockChanges: read.lockChanges,
    })),
    rechecked.map(({ current, outcome }) => ({
      projectId,
      key: current,
      currentVersion: current.version,
      status: outcome.status,
      issues: outcome.issues,
      configRevision: snapshot.revision,
      lockChanges: read.lockChanges,
    })),
  );
  const versions = versionsOf(context, stored, written.writes);
  const revalidated: CellOutcome[] = [];
  rechecked.forEach(({ current, outcome }, index) => {
    const settled = written.refreshes[index];
    // A failed re-check fails the request: its retry (same requestId) replays the cells and re-checks again.
    if (settled !== undefined && !settled.ok) throw settled.error;
    if (settled?.value === true) revalidated.push(revalidatedOutcome(current, outcome));
  });
  versions.throwRefused();
  return {
    outcomes: items.map((item) => outcomeOf(item, versions.stored.get(item) ?? null)),
    revalidated,
  };
}

/**
 * The version each stored cell got; conflicts and reused requestIds are gathered, thrown (after the
 * re-checks were read) by `throwRefused`; any other failure is thrown at once.
 */
function versionsOf(
  context: SubmissionContext,
  stored: readonly Submitted[],
  writes: readonly Settled<RecordedSubmission>[],
): { stored: Map<Submitted, number | null>; throwRefused(): void } {
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
    const settled = writes[index];
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
  return {
    stored: versions,
    throwRefused: () => {
      if (reused.length > 0) throw new RequestIdReusedError(context.requestId, reused);
      if (conflicts.length > 0) throw new CellVersionConflictError(conflicts);
    },
  };
}
