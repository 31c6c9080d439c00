import { historyItem, nextCellItem } from './cell-items';
import type { Group } from './cell-lanes';
import { type CellItem, currentFromCell, type RecordedSubmission, toJson } from './entry-records';
import { cellPut, cellRejectedInputUpdate, historyPut, outcomeUpdate } from './submission-actions';
import { cellUnchanged } from './submission-conditions';
import { type RefreshTask, type ValidatedWith, validatedWith, type WriteTask } from './submission-tasks';
import type { LaneActions } from './transaction-layout';

export interface PlannedWrite {
  task: WriteTask;
  result: Omit<RecordedSubmission, 'replayed'>;
}

/** What one lane's group sends in a transaction, and what it settles when that commits. */
export interface Plan {
  group: Group;
  writes: PlannedWrite[];
  refresh?: RefreshTask;
  /** The cell item after the plan's writes (or refresh). */
  after: CellItem | undefined;
  actions: LaneActions;
}

/** What planning a group found: its plan, if anything is left to send, and writes to check first. */
export interface Planning {
  plan?: Plan;
  /** Writes whose expected version is not the current one this process knew: read and settled apart. */
  expectingOtherVersion: WriteTask[];
}

/**
 * As validatedWith, for the tasks of a plan (all validated with the same revision: see takeGroups).
 */
export function planValidatedWith(plan: Plan): ValidatedWith | undefined {
  const task = plan.refresh ?? plan.writes[0]?.task;
  return task === undefined ? undefined : validatedWith(task);
}

/** The actions of one lane's group, from the cell's latest known state. */
export function planGroup(tableName: string, group: Group): Planning {
  const head = group.tasks[0];
  if (head?.kind === 'refresh') return { ...planRefresh(tableName, group, head), expectingOtherVersion: [] };
  return planWrites(tableName, group);
}

function planRefresh(tableName: string, group: Group, head: RefreshTask): { plan?: Plan } {
  const { lane } = group;
  const before = lane.latestState?.item;
  const { refresh } = head;
  if (before?.currentVersion !== refresh.currentVersion) {
    // A newer value came with its own outcome, or the cell is not what was re-checked.
    head.resolve(false);
    return {};
  }
  return {
    plan: {
      group,
      writes: [],
      refresh: head,
      after: { ...before, status: refresh.status, issues: refresh.issues },
      actions: { cell: outcomeUpdate(tableName, lane.cellKey, refresh), histories: [] },
    },
  };
}

/** Each write a version after the previous one: one cell action, one history item per write. */
function planWrites(tableName: string, group: Group): Planning {
  const { lane } = group;
  const before = lane.latestState?.item;
  const writes: PlannedWrite[] = [];
  const histories: Record<string, unknown>[] = [];
  const expectingOtherVersion: WriteTask[] = [];
  let state = before;
  let anyAccepted = false;
  for (const task of group.tasks) {
    if (task.kind !== 'write') continue;
    const { submission, expectedVersion } = task.write;
    const currentVersion = state?.currentVersion ?? 0;
    if (expectedVersion !== undefined && expectedVersion !== currentVersion) {
      // A resend of a request that did land moved the version itself: that is a replay, not a conflict.
      expectingOtherVersion.push(task);
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
  if (writes.length === 0 || state === undefined) return { expectingOtherVersion };
  const condition = cellUnchanged(before);
  const cell = anyAccepted
    ? cellPut(tableName, state, condition)
    : cellRejectedInputUpdate(tableName, lane.cellKey, state, condition);
  return {
    plan: {
      group,
      writes,
      after: state,
      actions: { cell, histories: histories.map((item) => historyPut(tableName, item)) },
    },
    expectingOtherVersion,
  };
}
