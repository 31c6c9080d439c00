import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../infra/table-design';
import type { EntryKey } from '../domain/entries/entry';
import type { OutcomeStatus, ValidationIssue } from '../domain/validation/validation-outcome';
import { type BackoffSettings, jitteredDelayMs } from './backoff';
import { batchGetAll, type ItemKey, itemKeyId } from './batch-get';
import { CELL_ATTRIBUTES, historyItem, nextCellItem, recordedFromRequest } from './cell-items';
import { LEGACY_REVISION_PREFIX } from './config-revision';
import {
  type CellItem,
  currentFromCell,
  type RecordedSubmission,
  type RequestRecord,
  type SubmissionRecord,
  toJson,
} from './entry-records';
import { assertItemFits } from './item-size';
import { oncePerTurn } from './once-per-turn';
import type { RecentCells } from './recent-cells';
import { requestFingerprint } from './request-fingerprint';
import {
  ConfigChangedError,
  normaliseStorageError,
  RequestIdReusedError,
  StorageUnavailableError,
  VersionConflictError,
} from './storage-errors';

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
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface SubmissionWriterOptions {
  maxAttempts: number;
  backoff: BackoffSettings;
  /** Transactions in flight at once; writes arriving meanwhile wait and are sent together. */
  maxFlights: number;
  /** Told every cell state this writer reads or writes, and every one it stops knowing. */
  recent?: RecentCells;
}

/** TransactWriteItems takes at most 100 actions and 4 MB; a margin is kept for the request's own size. */
const MAX_ACTIONS = 100;
const MAX_TRANSACTION_BYTES = 3_500_000;
/** Idle cells whose last known state is kept, so a busy cell's next edit needs no fresh read. */
const KEPT_IDLE_LANES = 4000;

/** Cancellation reasons after which trying again is the right move. */
const RETRY_CANCELLATION_CODES = new Set([
  'None',
  'ConditionalCheckFailed',
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

/** Whole-call errors that mean "someone else is writing these items right now". */
const RETRY_ERROR_NAMES = new Set([
  'ConditionalCheckFailedException',
  'TransactionConflictException',
  'TransactionInProgressException',
  'IdempotentParameterMismatchException',
]);

interface CancellationShape {
  name?: string;
  CancellationReasons?: { Code?: string }[];
}

/** Why a failed transaction may be tried again, or undefined when it may not. */
function retryReason(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, CancellationReasons } = error as CancellationShape;
  if (name !== undefined && RETRY_ERROR_NAMES.has(name)) return name;
  if (name !== 'TransactionCanceledException' || !Array.isArray(CancellationReasons)) return undefined;
  const codes = CancellationReasons.map((reason) => reason.Code ?? 'None');
  if (!codes.every((code) => RETRY_CANCELLATION_CODES.has(code))) return undefined;
  return codes.find((code) => code !== 'None' && code !== 'ConditionalCheckFailed') ?? 'contention';
}

interface TaskBase<T> {
  attempts: number;
  resolve(value: T): void;
  reject(error: unknown): void;
}

interface WriteTask extends TaskBase<RecordedSubmission> {
  kind: 'write';
  write: CellWrite;
  fingerprint: string;
  historyPk: string;
  requestKey: ItemKey;
  /** Estimated bytes of its three items, for the transaction's size limit. */
  bytes: number;
}

interface RefreshTask extends TaskBase<boolean> {
  kind: 'refresh';
  refresh: OutcomeRefresh;
}

type Task = WriteTask | RefreshTask;

/** As validatedWith, for the tasks of a plan (all validated with the same revision: see takeGroups). */
function validatedOf(plan: Plan): { projectId: string; revision: string } | undefined {
  const task = plan.refresh ?? plan.writes[0]?.task;
  return task === undefined ? undefined : validatedWith(task);
}

/** The project and configuration revision a task was validated with, when it says. */
function validatedWith(task: Task): { projectId: string; revision: string } | undefined {
  const projectId = task.kind === 'write' ? task.write.submission.projectId : task.refresh.projectId;
  const revision = task.kind === 'write' ? task.write.configRevision : task.refresh.configRevision;
  return revision === undefined ? undefined : { projectId, revision };
}

/**
 * A check that the project's stored configuration is still at `revision`. Items saved before
 * revisions existed are known by their save time (see config-revision.ts).
 */
function configCheck(tableName: string, projectId: string, revision: string) {
  const savedAt = revision.startsWith(LEGACY_REVISION_PREFIX)
    ? revision.slice(LEGACY_REVISION_PREFIX.length)
    : undefined;
  const condition: Condition =
    savedAt === undefined
      ? { expression: '#r = :r', names: { '#r': 'revision' }, values: { ':r': revision } }
      : {
          expression: 'attribute_not_exists(#r) AND #u = :u',
          names: { '#r': 'revision', '#u': 'updatedAt' },
          values: { ':u': savedAt },
        };
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: { pk: keys.projectPk(projectId), sk: keys.configProjectSk },
      ...conditionFields(condition),
    },
  };
}

/** One cell's queue: its tasks in order, and the freshest state of its item this process knows. */
interface Lane {
  cellKey: ItemKey;
  queue: Task[];
  busy: boolean;
  /** undefined: unknown, read before writing; { item: undefined }: known not to exist. */
  known: { item: CellItem | undefined } | undefined;
  notBefore: number;
  timer?: NodeJS.Timeout;
}

interface Group {
  lane: Lane;
  tasks: Task[];
}

interface PlannedWrite {
  task: WriteTask;
  result: Omit<RecordedSubmission, 'replayed'>;
}

interface Plan {
  group: Group;
  /** Index of the plan's first action in the transaction. */
  first: number;
  writes: PlannedWrite[];
  refresh?: RefreshTask;
  /** The cell item after the plan's writes (or refresh). */
  after: CellItem | undefined;
  actions: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;
}

function updateOf(fields: Record<string, unknown>): {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
} {
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
  return {
    UpdateExpression: `SET ${entries.map((_, index) => `#f${index} = :f${index}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([name], index) => [`#f${index}`, name])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], index) => [`:f${index}`, value])),
  };
}

/**
 * Stores submissions with as few transactions as the cells allow. Every cell has a FIFO lane in this
 * process, so concurrent edits of one cell queue here instead of colliding in the table; whatever
 * waits while a transaction is in flight is sent together in the next one (up to 100 actions): edits
 * of different cells side by side, successive edits of one cell as one cell write plus each edit's
 * history and idempotency items. Every submission keeps its own version, history item and requestId.
 * Conflicts with other processes are caught by each cell's condition on the counter it read: the
 * cancelled transaction is sent again without the cells that failed, which are read again first.
 */
export class SubmissionWriter {
  private readonly lanes = new Map<string, Lane>();
  private readonly ready = new Set<Lane>();
  private flights = 0;
  private readonly scheduleSoon = oncePerTurn(() => this.schedule());

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: SubmissionWriterOptions,
  ) {}

  /** Stores `writes` (same cell: in the given order) and applies `refreshes`; settles each on its own. */
  async record(
    writes: readonly CellWrite[],
    refreshes: readonly OutcomeRefresh[] = [],
  ): Promise<{ writes: Settled<RecordedSubmission>[]; refreshes: Settled<boolean>[] }> {
    const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
      promise.then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    const written = writes.map((write) => settle(this.enqueueWrite(write)));
    const refreshed = refreshes.map((refresh) => settle(this.enqueueRefresh(refresh)));
    this.scheduleSoon();
    return { writes: await Promise.all(written), refreshes: await Promise.all(refreshed) };
  }

  private lane(projectId: string, key: EntryKey): Lane {
    const cellKey = { pk: keys.projectPk(projectId), sk: keys.entrySk(key) };
    const id = itemKeyId(cellKey);
    let lane = this.lanes.get(id);
    if (lane === undefined) {
      lane = { cellKey, queue: [], busy: false, known: undefined, notBefore: 0 };
      this.lanes.set(id, lane);
      this.forgetIdleLanes();
    }
    return lane;
  }

  private forgetIdleLanes(): void {
    if (this.lanes.size <= KEPT_IDLE_LANES * 1.25) return;
    for (const [id, lane] of this.lanes) {
      if (this.lanes.size <= KEPT_IDLE_LANES) return;
      if (!lane.busy && lane.queue.length === 0 && lane.timer === undefined) this.lanes.delete(id);
    }
  }

  /**
   * Keeps whichever state is newer: the submission counter only ever grows. `seenAt` is when a read
   * that found `item` was sent; absent when the caller's read was already told to RecentCells.
   */
  private observe(lane: Lane, item: CellItem | undefined, seenAt?: number): void {
    if (seenAt !== undefined) this.options.recent?.rememberCell(itemKeyId(lane.cellKey), item, seenAt);
    if (lane.known === undefined || (item?.submissions ?? 0) > (lane.known.item?.submissions ?? 0)) {
      lane.known = { item };
    }
  }

  /** The clock RecentCells judges freshness by. */
  private clock(): number {
    return this.options.recent?.now() ?? Date.now();
  }

  /** The cell's state is unknown until read again: a lost answer, or another process wrote it. */
  private forget(lane: Lane): void {
    lane.known = undefined;
    this.options.recent?.forgetCell(itemKeyId(lane.cellKey));
  }

  private enqueueWrite(write: CellWrite): Promise<RecordedSubmission> {
    const { submission } = write;
    const key: EntryKey = {
      installationId: submission.installationId,
      metricId: submission.metricId,
      periodId: submission.periodId,
    };
    const lane = this.lane(submission.projectId, key);
    const historyPk = keys.historyPk(submission.projectId, key);
    const requestKey = { pk: historyPk, sk: keys.requestSk(submission.requestId) };
    // Sized as their first version: the version number hardly changes an item's size.
    const cell = nextCellItem(lane.cellKey, write.read ?? undefined, submission, 1);
    const history = {
      ...historyItem(historyPk, submission, 1),
      ...(submission.status === 'rejected' ? { resultJson: toJson({ current: currentFromCell(cell) }) } : {}),
    };
    const what = `submission for ${key.installationId} / ${key.metricId} / ${key.periodId}`;
    const bytes = assertItemFits(history, what) + assertItemFits(cell, what);
    if (write.read !== undefined) this.observe(lane, write.read ?? undefined);
    return new Promise((resolve, reject) => {
      lane.queue.push({
        kind: 'write',
        write,
        fingerprint: requestFingerprint(submission.raw, write.expectedVersion),
        historyPk,
        requestKey,
        bytes,
        attempts: 0,
        resolve,
        reject,
      });
      this.markReady(lane);
    });
  }

  private enqueueRefresh(refresh: OutcomeRefresh): Promise<boolean> {
    const lane = this.lane(refresh.projectId, refresh.key);
    return new Promise((resolve, reject) => {
      lane.queue.push({ kind: 'refresh', refresh, attempts: 0, resolve, reject });
      this.markReady(lane);
    });
  }

  private markReady(lane: Lane): void {
    if (lane.busy || lane.queue.length === 0) return;
    const wait = lane.notBefore - Date.now();
    if (wait <= 0) {
      this.ready.add(lane);
      return;
    }
    if (lane.timer !== undefined) return;
    lane.timer = setTimeout(() => {
      lane.timer = undefined;
      this.markReady(lane);
      this.schedule();
    }, wait);
  }

  private schedule(): void {
    while (this.flights < this.options.maxFlights) {
      const groups = this.takeGroups();
      if (groups.length === 0) return;
      this.flights += 1;
      void this.fly(groups)
        .catch((error: unknown) => {
          for (const group of groups) for (const task of group.tasks) task.reject(error);
        })
        .finally(() => {
          this.flights -= 1;
          for (const { lane } of groups) {
            lane.busy = false;
            this.markReady(lane);
          }
          this.schedule();
        });
    }
  }

  /**
   * The next transaction's worth of tasks: ready lanes in the order they became ready. Tasks validated
   * with another revision of a project's configuration than the ones already taken wait for the next
   * transaction: each transaction checks one revision per project.
   */
  private takeGroups(): Group[] {
    const groups: Group[] = [];
    const revisions = new Map<string, string>();
    let actions = 0;
    let bytes = 0;
    for (const lane of this.ready) {
      if (lane.busy || lane.queue.length === 0) {
        this.ready.delete(lane);
        continue;
      }
      const tasks: Task[] = [];
      const head = lane.queue[0];
      const validated = head === undefined ? undefined : validatedWith(head);
      const taken = validated === undefined ? undefined : revisions.get(validated.projectId);
      if (taken !== undefined && taken !== validated?.revision) continue;
      // The first lane of a project validated with a revision brings the check of that revision.
      const checkActions = validated !== undefined && taken === undefined ? 1 : 0;
      const sameRevision = (task: Task) => validatedWith(task)?.revision === validated?.revision;
      if (head?.kind === 'refresh') {
        if (actions + 1 + checkActions > MAX_ACTIONS) break;
        tasks.push(head);
        actions += 1 + checkActions;
      } else {
        // One cell write for the whole group, then a history item (its idempotency record) per submission.
        let laneActions = 1 + checkActions;
        const requestIds = new Set<string>();
        for (const task of lane.queue) {
          if (task.kind !== 'write' || requestIds.has(task.requestKey.sk) || !sameRevision(task)) break;
          if (actions + laneActions + 1 > MAX_ACTIONS || bytes + task.bytes > MAX_TRANSACTION_BYTES) break;
          tasks.push(task);
          requestIds.add(task.requestKey.sk);
          laneActions += 1;
          bytes += task.bytes;
        }
        if (tasks.length === 0) break;
        actions += laneActions;
      }
      if (validated !== undefined) revisions.set(validated.projectId, validated.revision);
      lane.queue.splice(0, tasks.length);
      lane.busy = true;
      this.ready.delete(lane);
      groups.push({ lane, tasks });
    }
    return groups;
  }

  private async fly(groups: Group[]): Promise<void> {
    const unknown = groups.filter((group) => group.lane.known === undefined);
    let readable = groups;
    if (unknown.length > 0) {
      const seenAt = this.clock();
      try {
        const items = await batchGetAll(
          this.doc,
          this.tableName,
          unknown.map((group) => group.lane.cellKey),
          { attributes: CELL_ATTRIBUTES, backoff: this.options.backoff },
        );
        for (const group of unknown) {
          this.observe(group.lane, items.get(itemKeyId(group.lane.cellKey)) as CellItem | undefined, seenAt);
        }
      } catch (error) {
        const failure = normaliseStorageError(error);
        for (const group of unknown) for (const task of group.tasks) task.reject(failure);
        readable = groups.filter((group) => !unknown.includes(group));
      }
    }
    const plans: Plan[] = [];
    let first = 0;
    for (const group of readable) {
      const plan = this.plan(group, first);
      if (plan === undefined) continue;
      plans.push(plan);
      first += plan.actions.length;
    }
    if (plans.length === 0) return;
    const revisions = new Map<string, string>();
    for (const plan of plans) {
      const validated = validatedOf(plan);
      if (validated !== undefined) revisions.set(validated.projectId, validated.revision);
    }
    // After every plan's actions, so the cancellation reasons of plan actions keep their indexes.
    const checkAt = new Map([...revisions.keys()].map((projectId, index) => [projectId, first + index]));
    try {
      await this.doc.send(
        new TransactWriteCommand({
          // Kept by the SDK across its own resends of this call: a resend after a lost answer is a no-op.
          ClientRequestToken: randomUUID(),
          TransactItems: [
            ...plans.flatMap((plan) => plan.actions),
            ...[...revisions].map(([projectId, revision]) =>
              configCheck(this.tableName, projectId, revision),
            ),
          ],
        }),
      );
    } catch (error) {
      this.failed(plans, error, checkAt);
      return;
    }
    // The conditions held when the transaction committed, before this answer: the state as of now.
    const answeredAt = this.clock();
    for (const plan of plans) {
      plan.group.lane.known = { item: plan.after };
      this.options.recent?.rememberCell(itemKeyId(plan.group.lane.cellKey), plan.after, answeredAt);
      for (const { task, result } of plan.writes) task.resolve({ ...result, replayed: false });
      plan.refresh?.resolve(true);
    }
  }

  /** The actions of one lane's group, or undefined when nothing of it is left to send. */
  private plan(group: Group, first: number): Plan | undefined {
    const { lane } = group;
    const before = lane.known?.item;
    const head = group.tasks[0];
    if (head?.kind === 'refresh') {
      const { refresh } = head;
      if (before?.currentVersion !== refresh.currentVersion) {
        // A newer value came with its own outcome, or the cell is not what was re-checked.
        head.resolve(false);
        return undefined;
      }
      return {
        group,
        first,
        writes: [],
        refresh: head,
        after: { ...before, status: refresh.status, issues: refresh.issues },
        actions: [
          {
            Update: {
              TableName: this.tableName,
              Key: lane.cellKey,
              ...withCondition(updateOf({ status: refresh.status, issues: refresh.issues }), {
                expression: '#cv = :cv',
                names: { '#cv': 'currentVersion' },
                values: { ':cv': refresh.currentVersion },
              }),
            },
          },
        ],
      };
    }
    const writes: PlannedWrite[] = [];
    const histories: Record<string, unknown>[] = [];
    let state = before;
    let anyAccepted = false;
    for (const task of group.tasks) {
      if (task.kind !== 'write') continue;
      const { submission, expectedVersion } = task.write;
      const currentVersion = state?.currentVersion ?? 0;
      if (expectedVersion !== undefined && expectedVersion !== currentVersion) {
        // A resend of a request that did land moved the version itself: that is a replay, not a conflict.
        void this.settleTakenRequest(task, true);
        continue;
      }
      const version = (state?.submissions ?? 0) + 1;
      const next = nextCellItem(lane.cellKey, state, submission, version);
      const becameCurrent = submission.status !== 'rejected';
      anyAccepted ||= becameCurrent;
      const result = { version, current: currentFromCell(next), becameCurrent };
      writes.push({ task, result });
      histories.push({
        ...historyItem(task.historyPk, submission, version),
        // An accepted submission is its own result (recordedFromRequest); a rejected one keeps the cell's.
        ...(becameCurrent ? {} : { resultJson: toJson(result) }),
        fingerprint: task.fingerprint,
      });
      state = next;
    }
    if (writes.length === 0 || state === undefined) return undefined;
    const condition: Condition =
      before === undefined
        ? ITEM_ABSENT
        : { expression: '#n = :n', names: { '#n': 'submissions' }, values: { ':n': before.submissions } };
    const cellAction = anyAccepted
      ? {
          Put: {
            TableName: this.tableName,
            Item: state,
            ...conditionFields(condition),
          },
        }
      : {
          // Only rejected input: the counters and the latest input change, the current value is left alone.
          Update: {
            TableName: this.tableName,
            Key: lane.cellKey,
            ...withCondition(
              updateOf({
                type: state.type,
                projectId: state.projectId,
                installationId: state.installationId,
                metricId: state.metricId,
                periodId: state.periodId,
                submissions: state.submissions,
                lastStatus: state.lastStatus,
                lastSubmittedAt: state.lastSubmittedAt,
                lastRawJson: state.lastRawJson,
                lastIssues: state.lastIssues,
              }),
              condition,
            ),
          },
        };
    return {
      group,
      first,
      writes,
      after: state,
      actions: [
        cellAction,
        ...histories.map((Item) => ({
          Put: { TableName: this.tableName, Item, ...conditionFields(ITEM_ABSENT) },
        })),
      ],
    };
  }

  /**
   * A cancelled or failed transaction: settle what can be settled, queue the rest again. Tasks whose
   * project's configuration check failed (`checkAt`: its index by project) get ConfigChangedError.
   */
  private failed(plans: Plan[], error: unknown, checkAt: ReadonlyMap<string, number>): void {
    const reason = retryReason(error);
    if (reason === undefined) {
      const failure = normaliseStorageError(error);
      for (const plan of plans) {
        // Whether it landed is unknown (a lost answer): read the cell again before its next write.
        this.forget(plan.group.lane);
        for (const { task } of plan.writes) task.reject(failure);
        plan.refresh?.reject(failure);
      }
      return;
    }
    const codes = (error as CancellationShape).CancellationReasons?.map((item) => item.Code ?? 'None');
    const codeAt = (index: number) => codes?.[index] ?? reason;
    const changed = new Set(
      [...checkAt].filter(([, index]) => codes?.[index] === 'ConditionalCheckFailed').map(([id]) => id),
    );
    for (const plan of plans) {
      const { lane } = plan.group;
      const validated = validatedOf(plan);
      if (validated !== undefined && changed.has(validated.projectId)) {
        // Validated with a configuration that is no longer the stored one: nothing of it was written.
        const failure = new ConfigChangedError(validated.projectId);
        for (const { task } of plan.writes) task.reject(failure);
        plan.refresh?.reject(failure);
        continue;
      }
      if (plan.refresh !== undefined) {
        const code = codeAt(plan.first);
        if (code === 'ConditionalCheckFailed') {
          // Another process moved the cell on: what this one knew of it is stale.
          this.forget(lane);
          plan.refresh.resolve(false);
        } else this.requeue(lane, [plan.refresh], code !== 'None', reason);
        continue;
      }
      const cellCode = codeAt(plan.first);
      // A history item is keyed by its requestId: its condition failing means the request was taken.
      const historyCodes = plan.writes.map((_, index) => codeAt(plan.first + 1 + index));
      if (cellCode === 'ConditionalCheckFailed') this.forget(lane);
      const again: WriteTask[] = [];
      plan.writes.forEach(({ task }, index) => {
        if (historyCodes[index] === 'ConditionalCheckFailed') {
          this.forget(lane);
          void this.settleTakenRequest(task, false);
        } else {
          again.push(task);
        }
      });
      const culprit = codes === undefined || [cellCode, ...historyCodes].some((code) => code !== 'None');
      this.requeue(lane, again, culprit, reason);
    }
  }

  /** Back to the front of the lane; a task whose own condition or contention failed counts an attempt. */
  private requeue(lane: Lane, tasks: Task[], culprit: boolean, reason: string): void {
    const kept: Task[] = [];
    for (const task of tasks) {
      if (culprit) task.attempts += 1;
      if (task.attempts >= this.options.maxAttempts) {
        task.reject(new StorageUnavailableError(`${reason} after ${task.attempts} attempts`));
      } else {
        kept.push(task);
      }
    }
    lane.queue.unshift(...kept);
    if (culprit && kept.length > 0) {
      const attempts = Math.max(...kept.map((task) => task.attempts));
      lane.notBefore = Date.now() + jitteredDelayMs(attempts, this.options.backoff);
    }
  }

  /**
   * The idempotency record of a write exists already, or its expected version is not the current one
   * this process knew: the record and the cell are read again. The same request again is answered with
   * its first result, another value under its requestId is refused, an expected version that is
   * really not current is a VersionConflictError, and anything else is queued to be written again.
   */
  private async settleTakenRequest(task: WriteTask, checkExpected: boolean): Promise<void> {
    const { submission, expectedVersion } = task.write;
    const lane = this.lane(submission.projectId, submission);
    try {
      const seenAt = this.clock();
      const read = await batchGetAll(this.doc, this.tableName, [task.requestKey, lane.cellKey], {
        backoff: this.options.backoff,
      });
      const request = read.get(itemKeyId(task.requestKey)) as RequestRecord | undefined;
      if (request !== undefined) {
        if (request.fingerprint !== undefined && request.fingerprint !== task.fingerprint) {
          task.reject(new RequestIdReusedError(submission, submission.requestId));
        } else {
          task.resolve(recordedFromRequest(request));
        }
        return;
      }
      const cell = read.get(itemKeyId(lane.cellKey)) as CellItem | undefined;
      this.observe(lane, cell, seenAt);
      const actual = cell?.currentVersion ?? 0;
      if (checkExpected && expectedVersion !== undefined && expectedVersion !== actual) {
        task.reject(new VersionConflictError(expectedVersion, actual));
        return;
      }
      this.requeue(lane, [task], true, 'contention');
      this.markReady(lane);
      this.schedule();
    } catch (error) {
      task.reject(normaliseStorageError(error));
    }
  }
}

interface Condition {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** The item is not there yet: a cell's first write, and every history item (keyed by its requestId). */
const ITEM_ABSENT: Condition = {
  expression: 'attribute_not_exists(#pk)',
  names: { '#pk': 'pk' },
  values: {},
};

/** A condition as a Put's or a ConditionCheck's fields; DynamoDB refuses an empty value map. */
function conditionFields(condition: Condition) {
  return {
    ConditionExpression: condition.expression,
    ExpressionAttributeNames: condition.names,
    ...(Object.keys(condition.values).length > 0 ? { ExpressionAttributeValues: condition.values } : {}),
  };
}

function withCondition(update: ReturnType<typeof updateOf>, condition: Condition) {
  const values = { ...update.ExpressionAttributeValues, ...condition.values };
  return {
    UpdateExpression: update.UpdateExpression,
    ConditionExpression: condition.expression,
    ExpressionAttributeNames: { ...update.ExpressionAttributeNames, ...condition.names },
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}
