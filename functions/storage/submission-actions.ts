import { keys } from '../../infra/table-design';
import type { ItemKey } from './batch-get';
import type { CellItem } from './entry-records';
import {
  allOf,
  type Condition,
  conditionFields,
  configRevisionUnchanged,
  currentVersionUnchanged,
  itemDoesNotExist,
  lockChangesUnchanged,
} from './submission-conditions';
import type { OutcomeRefresh } from './submission-tasks';
import type { TransactAction } from './transaction-layout';
import { conditionalUpdate, setUpdate } from './update-expression';

/** The cell item replaced whole: at least one of its submissions became the current value. */
export function cellPut(tableName: string, item: CellItem, condition: Condition): TransactAction {
  return { Put: { TableName: tableName, Item: item, ...conditionFields(condition) } };
}

/** Only rejected input: the counters and the latest input change, the current value is left alone. */
export function cellRejectedInputUpdate(
  tableName: string,
  cellKey: ItemKey,
  state: CellItem,
  condition: Condition,
): TransactAction {
  return {
    Update: {
      TableName: tableName,
      Key: cellKey,
      ...conditionalUpdate(
        setUpdate({
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
}

/** A history item, also the idempotency record of its requestId: written once. */
export function historyPut(tableName: string, item: Record<string, unknown>): TransactAction {
  return { Put: { TableName: tableName, Item: item, ...conditionFields(itemDoesNotExist) } };
}

/** A re-checked outcome, applied only while the cell is at the version it was computed for. */
export function outcomeUpdate(tableName: string, cellKey: ItemKey, refresh: OutcomeRefresh): TransactAction {
  return {
    Update: {
      TableName: tableName,
      Key: cellKey,
      ...conditionalUpdate(
        setUpdate({ status: refresh.status, issues: refresh.issues }),
        currentVersionUnchanged(refresh.currentVersion),
      ),
    },
  };
}

/**
 * A check that the project's stored configuration is still at `revision` and its periods were not
 * locked or reopened since: what the submission was validated with still stands.
 */
export function configCheck(
  tableName: string,
  validated: { projectId: string; revision: string; lockChanges: number },
): TransactAction {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: { pk: keys.projectPk(validated.projectId), sk: keys.configProjectSk },
      ...conditionFields(
        allOf(configRevisionUnchanged(validated.revision), lockChangesUnchanged(validated.lockChanges)),
      ),
    },
  };
}
