import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PeriodLock } from '../../../functions/domain/closing/period-lock';
import { LockStore } from '../../../functions/storage/lock-store';
import { keys } from '../../../infra/table-design';
import { useDynamoLocal } from '../support/dynamo-local-harness';

const lock = (lockId: string): PeriodLock => ({
  lockId,
  windowId: 'PY1',
  periodIds: ['P1', 'P2'],
  deliverable: 'D4.2, submitted 2023-10-30',
  lockedBy: 'coordinator@imagine.example.org',
  lockedAt: '2023-10-30T08:00:00.000Z',
});

/** Long texts: eleven installations' drafts of 20,000 characters, the most a draft may hold. */
const longDrafts = (windowId: string) =>
  Array.from({ length: 11 }, (_, index) => ({
    installationId: `installation-${index}`,
    text: `${windowId} `.padEnd(20_000, 'x'),
  }));

describe('LockStore on DynamoDB Local', () => {
  const dynamo = useDynamoLocal();
  const store = () => new LockStore(dynamo.doc, dynamo.tableName);

  beforeEach(async () => {
    // A lock counts itself on the project's configuration item, which every locked project has.
    await dynamo.doc.send(
      new PutCommand({
        TableName: dynamo.tableName,
        Item: { pk: keys.projectPk('imagine'), sk: keys.configProjectSk, revision: 'r1' },
      }),
    );
  });

  it('freezes each window its own texts, however long, and answers them window by window', async () => {
    const draftsByWindow = { P1: longDrafts('P1'), P2: longDrafts('P2'), PY1: longDrafts('PY1') };
    // Together they are over DynamoDB's 400 KB item limit; each window alone is within it.
    expect(JSON.stringify(draftsByWindow).length).toBeGreaterThan(400 * 1024);
    await store().lock('imagine', lock('PY1-a'), { config: { project: { id: 'imagine' } }, draftsByWindow });

    const py1 = await store().snapshot('imagine', 'PY1-a', 'PY1');
    expect(py1?.config).toEqual({ project: { id: 'imagine' } });
    expect(py1?.drafts).toEqual(longDrafts('PY1'));
    expect((await store().snapshot('imagine', 'PY1-a', 'P2'))?.drafts).toEqual(longDrafts('P2'));
    // A window the lock froze no texts for: none (null), not "unknown".
    expect((await store().snapshot('imagine', 'PY1-a', 'CUM-P2'))?.drafts).toBeNull();
    expect(await store().list('imagine')).toEqual([lock('PY1-a')]);
  });

  it("reads a snapshot written before texts were frozen by window as its own window's texts", async () => {
    await dynamo.doc.send(
      new PutCommand({
        TableName: dynamo.tableName,
        Item: {
          pk: keys.projectPk('imagine'),
          sk: keys.lockSnapshotSk('PY1-old'),
          type: 'lock-snapshot',
          lockId: 'PY1-old',
          configJson: JSON.stringify({ project: { id: 'imagine' } }),
          draftsJson: JSON.stringify([{ installationId: 'ifca-cpu', text: 'As submitted.' }]),
        },
      }),
    );
    expect(await store().snapshot('imagine', 'PY1-old', 'PY1')).toEqual({
      config: { project: { id: 'imagine' } },
      drafts: undefined,
      ownWindowDrafts: [{ installationId: 'ifca-cpu', text: 'As submitted.' }],
    });
  });
});
