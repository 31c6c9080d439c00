import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DYNAMO_TRAFFIC_DIR_VARIABLE } from '../../../functions/storage/dynamo-client';
import { trafficFile } from '../../../functions/storage/dynamo-traffic';
import { useDynamoLocal } from '../support/dynamo-local-harness';

/**
 * The recording the IAM check relies on: each kind of request once, each action inside a transaction
 * on its own line, and the requests themselves unchanged (DynamoDB Local answers them as usual).
 */
describe('recording the DynamoDB traffic of a client', () => {
  const dynamo = useDynamoLocal();
  const dir = mkdtempSync(join(tmpdir(), 'va-assess-traffic-'));
  const suiteDir = process.env[DYNAMO_TRAFFIC_DIR_VARIABLE];

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('records each operation and each action inside a transaction, and sends them unchanged', async () => {
    process.env[DYNAMO_TRAFFIC_DIR_VARIABLE] = dir;
    let client: ReturnType<typeof dynamo.newClient>;
    try {
      client = dynamo.newClient();
    } finally {
      if (suiteDir === undefined) delete process.env[DYNAMO_TRAFFIC_DIR_VARIABLE];
      else process.env[DYNAMO_TRAFFIC_DIR_VARIABLE] = suiteDir;
    }
    const TableName = dynamo.tableName;
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: { pk: 'p', sk: 'a', value: 1 } } },
          {
            ConditionCheck: {
              TableName,
              Key: { pk: 'p', sk: 'b' },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    await client.send(
      new TransactWriteCommand({ TransactItems: [{ Put: { TableName, Item: { pk: 'p', sk: 'c' } } }] }),
    );
    const read = await client.send(
      new GetCommand({ TableName, Key: { pk: 'p', sk: 'a' }, ConsistentRead: true }),
    );
    expect(read.Item).toEqual({ pk: 'p', sk: 'a', value: 1 });
    const batch = await client.send(
      new BatchGetCommand({
        RequestItems: {
          [TableName]: {
            Keys: [
              { pk: 'p', sk: 'a' },
              { pk: 'p', sk: 'c' },
            ],
          },
        },
      }),
    );
    expect(batch.Responses?.[TableName]).toHaveLength(2);
    await client.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': 'p' },
      }),
    );

    const lines = readFileSync(trafficFile(dir), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { operation: 'TransactWriteItems', item: 'Put' },
      { operation: 'TransactWriteItems', item: 'ConditionCheck' },
      { operation: 'GetItem' },
      { operation: 'BatchGetItem' },
      { operation: 'Query' },
    ]);
  });
});
