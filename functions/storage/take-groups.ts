import type { Group, Lane } from './cell-lanes';
import { sameValidation, type Task, type ValidatedWith, validatedWith } from './submission-tasks';

/** TransactWriteItems takes at most 100 actions and 4 MB; a margin is kept for the request's own size. */
const MAX_ACTIONS = 100;
const MAX_TRANSACTION_BYTES = 3_500_000;

/** What the transaction being filled holds so far. */
interface Filling {
  actions: number;
  bytes: number;
  /** The state checked per project: each transaction checks one revision (and lock count) per project. */
  revisions: Map<string, ValidatedWith>;
}

/**
 * The next transaction's worth of tasks: ready lanes in the order they became ready (taken lanes
 * leave `ready` and become busy). Tasks validated with another revision of a project's configuration
 * than the ones already taken wait for the next transaction.
 */
export function takeGroups(ready: Set<Lane>): Group[] {
  const groups: Group[] = [];
  const filling: Filling = { actions: 0, bytes: 0, revisions: new Map() };
  for (const lane of ready) {
    if (lane.busy || lane.queue.length === 0) {
      ready.delete(lane);
      continue;
    }
    const head = lane.queue[0];
    const validated = head === undefined ? undefined : validatedWith(head);
    const taken = validated === undefined ? undefined : filling.revisions.get(validated.projectId);
    if (taken !== undefined && !sameValidation(taken, validated)) continue;
    // The first lane of a project validated with a revision brings the check of that revision.
    const checkActions = validated !== undefined && taken === undefined ? 1 : 0;
    const tasks =
      head?.kind === 'refresh'
        ? takeRefresh(head, checkActions, filling)
        : takeWrites(lane, checkActions, filling);
    if (tasks === undefined) break;
    if (validated !== undefined) filling.revisions.set(validated.projectId, validated);
    lane.queue.splice(0, tasks.length);
    lane.busy = true;
    ready.delete(lane);
    groups.push({ lane, tasks });
  }
  return groups;
}

/** A refresh goes alone: one Update of the cell. Undefined when the transaction is full. */
function takeRefresh(head: Task, checkActions: number, filling: Filling): Task[] | undefined {
  if (filling.actions + 1 + checkActions > MAX_ACTIONS) return undefined;
  filling.actions += 1 + checkActions;
  return [head];
}

/**
 * The lane's writes from its front that fit: one cell write for them all, then a history item (its
 * idempotency record) per submission; a repeated requestId or another revision waits for the next
 * transaction. Undefined when none fits.
 */
function takeWrites(lane: Lane, checkActions: number, filling: Filling): Task[] | undefined {
  const tasks: Task[] = [];
  const first = lane.queue[0] === undefined ? undefined : validatedWith(lane.queue[0]);
  let laneActions = 1 + checkActions;
  const requestIds = new Set<string>();
  for (const task of lane.queue) {
    if (
      task.kind !== 'write' ||
      requestIds.has(task.requestKey.sk) ||
      !sameValidation(validatedWith(task), first)
    ) {
      break;
    }
    if (filling.actions + laneActions + 1 > MAX_ACTIONS || filling.bytes + task.bytes > MAX_TRANSACTION_BYTES)
      break;
    tasks.push(task);
    requestIds.add(task.requestKey.sk);
    laneActions += 1;
    filling.bytes += task.bytes;
  }
  if (tasks.length === 0) return undefined;
  filling.actions += laneActions;
  return tasks;
}
