import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, type StorageSettings } from '../../../functions/storage/dynamo-client';
import { ensureTable } from '../../../functions/storage/ensure-table';
import { type DynamoLocal, startDynamoLocal } from '../../../local/dynamo-local';

export interface DynamoHarness {
  /** The running DynamoDB Local (valid inside tests). */
  readonly local: DynamoLocal;
  /** A client on it, and a table created fresh for the current test. */
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Another client on the same store, e.g. with different timeouts or middleware. */
  newClient(overrides?: Partial<StorageSettings>): DynamoDBDocumentClient;
}

/**
 * One DynamoDB Local per test file (JVM start-up costs seconds), in memory, and a new table per test
 * (milliseconds) so tests never see each other's items.
 */
export function useDynamoLocal(): DynamoHarness {
  let local: DynamoLocal | undefined;
  let doc: DynamoDBDocumentClient | undefined;
  let tableName: string | undefined;
  const clients: DynamoDBDocumentClient[] = [];

  const newClient = (overrides: Partial<StorageSettings> = {}) => {
    if (local === undefined) throw new Error('DynamoDB Local is not running yet');
    const client = createDocumentClient({
      endpoint: local.endpoint,
      region: 'local',
      ...overrides,
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    local = await startDynamoLocal();
  }, 60_000);

  beforeEach(async () => {
    tableName = `t-${randomUUID()}`;
    doc = newClient();
    await ensureTable(doc, tableName);
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  afterAll(async () => {
    await local?.stop();
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only available inside a test`);
    return value;
  };
  return {
    get local() {
      return need(local, 'local');
    },
    get doc() {
      return need(doc, 'doc');
    },
    get tableName() {
      return need(tableName, 'tableName');
    },
    newClient,
  };
}
