import type { DynamoTrafficRecord } from '../../../functions/storage/dynamo-traffic';

/**
 * The IAM action AWS checks for each DynamoDB operation, per "DynamoDB API permissions: Actions,
 * resources, and conditions reference":
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/api-permissions-reference.html
 * A batch is authorised by its own action (dynamodb:BatchGetItem, dynamodb:BatchWriteItem).
 */
const ACTION_OF_OPERATION: Readonly<Record<string, string>> = {
  GetItem: 'dynamodb:GetItem',
  PutItem: 'dynamodb:PutItem',
  UpdateItem: 'dynamodb:UpdateItem',
  DeleteItem: 'dynamodb:DeleteItem',
  Query: 'dynamodb:Query',
  Scan: 'dynamodb:Scan',
  BatchGetItem: 'dynamodb:BatchGetItem',
  BatchWriteItem: 'dynamodb:BatchWriteItem',
};

/**
 * A transaction has no action of its own: AWS authorises each action inside it as if sent alone, and a
 * ConditionCheck needs dynamodb:ConditionCheckItem. "Using IAM with DynamoDB transactions":
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
 */
const ACTION_OF_TRANSACTION_ITEM: Readonly<Record<string, string>> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
  Get: 'dynamodb:GetItem',
};

/**
 * Sent only by functions/storage/ensure-table.ts, which `npm start` and the test harnesses run against
 * DynamoDB Local; on AWS the table comes from serverless.yml and the function never manages it.
 */
export const LOCAL_SETUP_OPERATIONS: readonly string[] = ['CreateTable', 'DescribeTable'];

/** An IAM action and whether it acts on an index (its resource is then the index ARN). */
export interface RequiredAction {
  action: string;
  index?: string;
}

/** The IAM action one recorded request needs; throws for an operation this table does not know yet. */
export function requiredAction(record: DynamoTrafficRecord): RequiredAction {
  const isTransaction = record.operation === 'TransactWriteItems' || record.operation === 'TransactGetItems';
  const action = isTransaction
    ? ACTION_OF_TRANSACTION_ITEM[record.item ?? '']
    : ACTION_OF_OPERATION[record.operation];
  if (action === undefined) {
    throw new Error(
      `No IAM action known for DynamoDB ${record.operation}${record.item === undefined ? '' : ` (${record.item})`}: add it to test/integration/deploy/dynamo-iam-actions.ts from AWS's reference, then to serverless.yml`,
    );
  }
  return record.index === undefined ? { action } : { action, index: record.index };
}
