import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from '../../infra/table-design';
import { sleep } from './backoff';
import { normaliseStorageError, StorageUnavailableError } from './storage-errors';

export interface EnsureTableOptions {
  /** How long to wait for the table to become ACTIVE. DynamoDB Local is immediate; AWS takes seconds. */
  timeoutMs?: number;
  pollMs?: number;
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { name?: string }).name : undefined;
}

/** A document client shares its base client's config and middleware, so it sends these commands too. */
type AnyClient = DynamoDBClient | DynamoDBDocumentClient;

async function tableStatus(client: AnyClient, tableName: string) {
  try {
    const described = await (client as DynamoDBClient).send(
      new DescribeTableCommand({ TableName: tableName }),
    );
    return described.Table?.TableStatus ?? 'UNKNOWN';
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') return 'MISSING';
    throw normaliseStorageError(error);
  }
}

/**
 * Creates the table from infra/table.json when it does not exist, then waits until it is ACTIVE.
 * For local runs and tests; in AWS the table comes from serverless.yml. Returns whether it created it.
 */
export async function ensureTable(
  client: AnyClient,
  tableName: string,
  options: EnsureTableOptions = {},
): Promise<boolean> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pollMs = options.pollMs ?? 100;
  let created = false;
  if ((await tableStatus(client, tableName)) === 'MISSING') {
    try {
      await (client as DynamoDBClient).send(new CreateTableCommand(createTableInput(tableName)));
      created = true;
    } catch (error) {
      // Another process created it between our look and our create: fine, wait for it like ours.
      if (errorName(error) !== 'ResourceInUseException') throw normaliseStorageError(error);
    }
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await tableStatus(client, tableName);
    if (status === 'ACTIVE') return created;
    if (Date.now() > deadline) {
      throw new StorageUnavailableError(`table ${tableName} still ${status} after ${timeoutMs} ms`);
    }
    await sleep(pollMs);
  }
}
