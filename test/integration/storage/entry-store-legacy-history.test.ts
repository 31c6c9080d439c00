import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { EntryStore, type RecordedSubmission } from '../../../functions/storage/entry-store';
import { RequestIdReusedError } from '../../../functions/storage/storage-errors';
import { keys } from '../../../infra/table-design';
import { useDynamoLocal } from '../support/dynamo-local-harness';
import { rejected, submission } from '../support/submission-factory';

const cell = { installationId: 'ifca-cpu', metricId: 'cpu-hours', periodId: 'P1' } as const;

/**
 * History items are keyed by their requestId and carry the request's result, one item per submission.
 * Cells written before kept a history item at V#<version> and a separate request record at
 * REQUEST#<requestId>: both must still read as history and still answer replays.
 */
describe('EntryStore with history written in the earlier layout', () => {
  const dynamo = useDynamoLocal();
  const store = () => new EntryStore(dynamo.doc, dynamo.tableName);
  const historyPk = keys.historyPk('imagine', cell);

  /** Rewrites the stored submission of `requestId` the way the earlier layout stored it. */
  async function toEarlierLayout(requestId: string, first: RecordedSubmission): Promise<void> {
    const requestKey = { pk: historyPk, sk: keys.requestSk(requestId) };
    const read = await dynamo.doc.send(
      new GetCommand({ TableName: dynamo.tableName, Key: requestKey, ConsistentRead: true }),
    );
    const {
      resultJson: _result,
      fingerprint: _fingerprint,
      ...history
    } = read.Item as Record<string, unknown>;
    const { replayed: _replayed, ...result } = first;
    await dynamo.doc.send(
      new PutCommand({
        TableName: dynamo.tableName,
        Item: { ...history, sk: keys.historyVersionSk(Number(history.version)) },
      }),
    );
    await dynamo.doc.send(
      new PutCommand({
        TableName: dynamo.tableName,
        Item: { ...requestKey, type: 'request', requestId, resultJson: JSON.stringify(result) },
      }),
    );
  }

  it('lists earlier and new submissions in version order, once each', async () => {
    const entries = store();
    await toEarlierLayout(
      'old-1',
      await entries.recordSubmission(submission({ raw: 1000, requestId: 'old-1' })),
    );
    await toEarlierLayout(
      'old-2',
      await entries.recordSubmission(submission({ raw: 2000, requestId: 'old-2' })),
    );
    await entries.recordSubmission(submission({ raw: 3000, requestId: 'new-3' }));

    const history = await entries.history('imagine', cell);

    expect(history.map((record) => [record.version, record.raw, record.requestId])).toEqual([
      [1, 1000, 'old-1'],
      [2, 2000, 'old-2'],
      [3, 3000, 'new-3'],
    ]);
  });

  it('answers a resend of an earlier request with its first result, and nothing is stored twice', async () => {
    const entries = store();
    const first = await entries.recordSubmission(submission({ raw: 1000, requestId: 'old-1' }));
    await toEarlierLayout('old-1', first);

    const again = await store().recordSubmission(submission({ raw: 1000, requestId: 'old-1' }));

    expect(again).toEqual({ ...first, replayed: true });
    expect(await entries.history('imagine', cell)).toHaveLength(1);
  });

  it('answers a resend of a rejected submission with its first result: the value the cell kept', async () => {
    const entries = store();
    await entries.recordSubmission(submission({ raw: 1000 }));
    const refused = await entries.recordSubmission(rejected({ requestId: 'bad-1' }));
    await entries.recordSubmission(submission({ raw: 3000 }));

    const again = await store().recordSubmission(rejected({ requestId: 'bad-1' }));

    expect(again).toEqual({ ...refused, replayed: true });
    expect(again.current).toMatchObject({ version: 1, raw: 1000 });
  });

  it('refuses another value under a requestId already used, in either layout', async () => {
    const entries = store();
    await entries.recordSubmission(submission({ raw: 1000, requestId: 'new-1' }));

    await expect(store().recordSubmission(submission({ raw: 5, requestId: 'new-1' }))).rejects.toBeInstanceOf(
      RequestIdReusedError,
    );
    expect(await entries.history('imagine', cell)).toHaveLength(1);
  });
});
