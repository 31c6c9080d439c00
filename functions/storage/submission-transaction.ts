import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll, itemKeyId } from './batch-get';
import { CELL_ATTRIBUTES } from './cell-items';
import type { Group } from './cell-lanes';
import type { CellItem } from './entry-records';
import { settleFailedTransaction } from './failed-transaction';
import { normaliseStorageError } from './storage-errors';
import { configCheck } from './submission-actions';
import { type Plan, planGroup, planValidatedWith } from './submission-plan';
import { layOutTransaction, type TransactAction } from './transaction-layout';
import type { WriterContext } from './writer-context';

/**
 * Sends one transaction with the groups' tasks: cells whose state is unknown are read first (in one
 * read), each group is planned from its cell's state, and the answer settles every task.
 */
export async function sendTransaction(context: WriterContext, groups: Group[]): Promise<void> {
  // Awaited only when there is something to read: otherwise planned and sent in this same turn.
  const anyUnknown = groups.some((group) => group.lane.latestState === undefined);
  const readable = anyUnknown ? await readUnknownCells(context, groups) : groups;
  const plans: Plan[] = [];
  for (const group of readable) {
    const { plan, expectingOtherVersion } = planGroup(context.tableName, group);
    for (const task of expectingOtherVersion) context.settleTaken(task, true);
    if (plan !== undefined) plans.push(plan);
  }
  if (plans.length === 0) return;
  const { actions, layout } = layOutTransaction(
    plans.map((plan) => plan.actions),
    configChecks(context.tableName, plans),
  );
  try {
    await context.doc.send(
      new TransactWriteCommand({
        // Kept by the SDK across its own resends of this call: a resend after a lost answer is a no-op.
        ClientRequestToken: randomUUID(),
        TransactItems: actions,
      }),
    );
  } catch (error) {
    settleFailedTransaction(context, plans, layout, error);
    return;
  }
  // The conditions held when the transaction committed, before this answer: the state as of now.
  const answeredAt = context.lanes.clock();
  for (const plan of plans) {
    context.lanes.written(plan.group.lane, plan.after, answeredAt);
    for (const { task, result } of plan.writes) task.resolve({ ...result, replayed: false });
    plan.refresh?.resolve(true);
  }
}

/** The groups whose cell state is known, after reading the others; a failed read fails their tasks. */
async function readUnknownCells(context: WriterContext, groups: Group[]): Promise<Group[]> {
  const unknown = groups.filter((group) => group.lane.latestState === undefined);
  const seenAt = context.lanes.clock();
  try {
    const items = await batchGetAll(
      context.doc,
      context.tableName,
      unknown.map((group) => group.lane.cellKey),
      { attributes: CELL_ATTRIBUTES, backoff: context.backoff },
    );
    for (const group of unknown) {
      context.lanes.observe(
        group.lane,
        items.get(itemKeyId(group.lane.cellKey)) as CellItem | undefined,
        seenAt,
      );
    }
    return groups;
  } catch (error) {
    const failure = normaliseStorageError(error);
    for (const group of unknown) for (const task of group.tasks) task.reject(failure);
    return groups.filter((group) => !unknown.includes(group));
  }
}

/** One check per project of the revision its plans were validated with (one revision each: see takeGroups). */
function configChecks(tableName: string, plans: readonly Plan[]): Map<string, TransactAction> {
  const checks = new Map<string, TransactAction>();
  for (const plan of plans) {
    const validated = planValidatedWith(plan);
    if (validated !== undefined) checks.set(validated.projectId, configCheck(tableName, validated));
  }
  return checks;
}
