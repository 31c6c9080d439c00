import { keys } from '../../infra/table-design';
import type { EntryKey } from '../domain/entries/entry';
import type { OutcomeStatus, ValidationIssue } from '../domain/validation/validation-outcome';
import type { ItemKey } from './batch-get';
import { historyItem, nextCellItem } from './cell-items';
import {
  type CellItem,
  currentFromCell,
  type RecordedSubmission,
  type SubmissionRecord,
  toJson,
} from './entry-records';
import { assertItemFits } from './item-size';
import { requestFingerprint } from './request-fingerprint';

/** One submission to store, with what the caller knows of its cell. */
export interface CellWrite {
  submission: SubmissionRecord;
  /** The version the editor started from; another current version is a VersionConflictError. */
  expectedVersion?: number;
  /** The cell item as the caller read it: null when it read that there is none, absent when it did not read. */
  read?: CellItem | null;
  /**
   * The revision of the configuration the submission was validated with: the transaction storing it
   * checks the stored configuration still has it, or fails it with ConfigChangedError.
   */
  configRevision?: string;
  /** With configRevision: the count of lock changes read with it (locks and reopens since). */
  lockChanges?: number;
}

/**
 * A stored cell's outcome computed again because a value its rules read has changed. Only the
 * outcome (status, issues) changes, not the value nor the history: nobody submitted anything.
 */
export interface OutcomeRefresh {
  projectId: string;
  key: EntryKey;
  /** The current version the outcome was computed for: not applied once the cell has moved on. */
  currentVersion: number;
  status: OutcomeStatus;
  issues: ValidationIssue[];
  /** As CellWrite.configRevision: the configuration the outcome was computed with. */
  configRevision?: string;
  /** As CellWrite.lockChanges. */
  lockChanges?: number;
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface TaskBase<T> {
  attempts: number;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export interface WriteTask extends TaskBase<RecordedSubmission> {
  kind: 'write';
  write: CellWrite;
  fingerprint: string;
  historyPk: string;
  requestKey: ItemKey;
  /** Estimated bytes of its three items, for the transaction's size limit. */
  bytes: number;
}

export interface RefreshTask extends TaskBase<boolean> {
  kind: 'refresh';
  refresh: OutcomeRefresh;
}

export type Task = WriteTask | RefreshTask;

/** The project, configuration revision and count of lock changes a task was validated with. */
export interface ValidatedWith {
  projectId: string;
  revision: string;
  lockChanges: number;
}

/** The project, configuration revision and lock changes a task was validated with, when it says. */
export function validatedWith(task: Task): ValidatedWith | undefined {
  const projectId = task.kind === 'write' ? task.write.submission.projectId : task.refresh.projectId;
  const validated = task.kind === 'write' ? task.write : task.refresh;
  const revision = validated.configRevision;
  return revision === undefined
    ? undefined
    : { projectId, revision, lockChanges: validated.lockChanges ?? 0 };
}

/** Whether two tasks were validated with the same state, so that one check covers both. */
export function sameValidation(a: ValidatedWith | undefined, b: ValidatedWith | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.projectId === b.projectId && a.revision === b.revision && a.lockChanges === b.lockChanges;
}

/** The key of a submission's cell. */
export function entryKeyOf(submission: SubmissionRecord): EntryKey {
  return {
    installationId: submission.installationId,
    metricId: submission.metricId,
    periodId: submission.periodId,
  };
}

export type UnsettledWriteTask = Omit<WriteTask, 'resolve' | 'reject'>;

/**
 * A write as its lane queues it, but for the promise it settles. Throws (naming the cell) when its
 * items could never fit in DynamoDB.
 */
export function writeTaskOf(write: CellWrite, cellKey: ItemKey): UnsettledWriteTask {
  const { submission } = write;
  const key = entryKeyOf(submission);
  const historyPk = keys.historyPk(submission.projectId, key);
  const requestKey = { pk: historyPk, sk: keys.requestSk(submission.requestId) };
  // Sized as their first version: the version number hardly changes an item's size.
  const cell = nextCellItem(cellKey, write.read ?? undefined, submission, 1);
  const history = {
    ...historyItem(historyPk, submission, 1),
    ...(submission.status === 'rejected' ? { resultJson: toJson({ current: currentFromCell(cell) }) } : {}),
  };
  const what = `submission for ${key.installationId} / ${key.metricId} / ${key.periodId}`;
  const bytes = assertItemFits(history, what) + assertItemFits(cell, what);
  return {
    kind: 'write',
    write,
    fingerprint: requestFingerprint(submission.raw, write.expectedVersion),
    historyPk,
    requestKey,
    bytes,
    attempts: 0,
  };
}
