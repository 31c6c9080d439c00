import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

export type TransactAction = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The actions one lane's plan adds to a transaction. */
export interface LaneActions {
  /** The cell's own action: its Put or Update, or the Update of a refreshed outcome. */
  cell: TransactAction;
  /** One history item (the idempotency record) per planned write, in the order of the writes. */
  histories: TransactAction[];
}

/** Where a lane's actions sit in the transaction. */
export interface LaneSlots {
  cell: number;
  histories: number[];
}

/**
 * The order of a transaction's actions: each lane's cell action then its history items, lane after
 * lane, then one configuration check per project. Built once, with the actions, and read again to
 * match DynamoDB's cancellation reasons (one per action, in this order) to what they cancelled.
 */
export interface TransactionLayout {
  /** In the order of the lanes given. */
  lanes: LaneSlots[];
  /** The configuration check's slot, by project. */
  configChecks: ReadonlyMap<string, number>;
}

/** The transaction's actions in the layout's order, and the layout. */
export function layOutTransaction(
  lanes: readonly LaneActions[],
  configChecks: ReadonlyMap<string, TransactAction>,
): { actions: TransactAction[]; layout: TransactionLayout } {
  const actions: TransactAction[] = [];
  const place = (action: TransactAction) => actions.push(action) - 1;
  const laneSlots = lanes.map((lane) => ({ cell: place(lane.cell), histories: lane.histories.map(place) }));
  const checkSlots = new Map([...configChecks].map(([projectId, check]) => [projectId, place(check)]));
  return { actions, layout: { lanes: laneSlots, configChecks: checkSlots } };
}
