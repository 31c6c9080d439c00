import { cancellationCodes, retryReason } from './cancellation-reasons';
import type { Lane } from './cell-lanes';
import { ConfigChangedError, normaliseStorageError } from './storage-errors';
import { type Plan, planValidatedWith } from './submission-plan';
import type { RefreshTask, WriteTask } from './submission-tasks';
import type { LaneSlots, TransactionLayout } from './transaction-layout';
import type { WriterContext } from './writer-context';

/** The cancellation code of each slot; the retry reason stands in for a code the error does not give. */
interface CancellationCodes {
  /** Whether DynamoDB said which actions failed. */
  given: boolean;
  at(slot: number): string;
}

/**
 * A cancelled or failed transaction: settle what can be settled, queue the rest again. Tasks whose
 * project's configuration check failed (saved again, or its periods locked or reopened since) get
 * ConfigChangedError, and what this process remembered of the project is forgotten.
 */
export function settleFailedTransaction(
  context: WriterContext,
  plans: readonly Plan[],
  layout: TransactionLayout,
  error: unknown,
): void {
  const reason = retryReason(error);
  if (reason === undefined) {
    const failure = normaliseStorageError(error);
    for (const plan of plans) {
      // Whether it landed is unknown (a lost answer): read the cell again before its next write.
      context.lanes.forget(plan.group.lane);
      for (const { task } of plan.writes) task.reject(failure);
      plan.refresh?.reject(failure);
    }
    return;
  }
  const given = cancellationCodes(error);
  const codes: CancellationCodes = { given: given !== undefined, at: (slot) => given?.[slot] ?? reason };
  const changed = new Set(
    [...layout.configChecks]
      .filter(([, slot]) => given?.[slot] === 'ConditionalCheckFailed')
      .map(([projectId]) => projectId),
  );
  for (const projectId of changed) context.forgetRevision(projectId);
  plans.forEach((plan, index) => {
    const slots = layout.lanes[index];
    if (slots === undefined) throw new Error(`the transaction layout has no slots for lane ${index}`);
    const validated = planValidatedWith(plan);
    if (validated !== undefined && changed.has(validated.projectId)) {
      // Validated with a configuration that is no longer the stored one: nothing of it was written.
      const failure = new ConfigChangedError(validated.projectId);
      for (const { task } of plan.writes) task.reject(failure);
      plan.refresh?.reject(failure);
    } else if (plan.refresh !== undefined) {
      settleCancelledRefresh(context, plan.refresh, plan.group.lane, codes.at(slots.cell), reason);
    } else {
      settleCancelledWrites(context, plan, slots, codes, reason);
    }
  });
}

/** A refresh is its cell's one action: `code` is that action's cancellation code. */
function settleCancelledRefresh(
  context: WriterContext,
  refresh: RefreshTask,
  lane: Lane,
  code: string,
  reason: string,
): void {
  if (code === 'ConditionalCheckFailed') {
    // Another process moved the cell on: what this one knew of it is stale.
    context.lanes.forget(lane);
    refresh.resolve(false);
  } else context.lanes.requeue(lane, [refresh], code !== 'None', reason);
}

function settleCancelledWrites(
  context: WriterContext,
  plan: Plan,
  slots: LaneSlots,
  codes: CancellationCodes,
  reason: string,
): void {
  const { lane } = plan.group;
  const cellCode = codes.at(slots.cell);
  // A history item is keyed by its requestId: its condition failing means the request was taken.
  const historyCodes = slots.histories.map((slot) => codes.at(slot));
  if (cellCode === 'ConditionalCheckFailed') context.lanes.forget(lane);
  const again: WriteTask[] = [];
  plan.writes.forEach(({ task }, index) => {
    if (historyCodes[index] === 'ConditionalCheckFailed') {
      context.lanes.forget(lane);
      context.settleTaken(task, false);
    } else {
      again.push(task);
    }
  });
  // This lane's own actions (or, without reasons, possibly them) made the transaction fail.
  const laneFailed = !codes.given || [cellCode, ...historyCodes].some((code) => code !== 'None');
  context.lanes.requeue(lane, again, laneFailed, reason);
}
