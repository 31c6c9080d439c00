import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, STORAGE_DEFAULTS } from '../../../functions/storage/dynamo-client';
import { ensureTable } from '../../../functions/storage/ensure-table';
import { EntryStore } from '../../../functions/storage/entry-store';
import { StorageUnavailableError } from '../../../functions/storage/storage-errors';
import { type DynamoLocal, startDynamoLocal } from '../../../local/dynamo-local';
import { countAttempts } from '../support/fault-injection';
import { rejected, submission } from '../support/submission-factory';

const cell = { installationId: 'ifca-cpu', metricId: 'cpu-hours', periodId: 'P1' } as const;
const tableName = 'va-assess-outage';

/** One store on disk, stopped and started again in the middle: what a partner would live through. */
describe('DynamoDB Local stopped and restarted with the same data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'va-assess-dynamodb-'));
  let local: DynamoLocal | undefined;
  let doc: DynamoDBDocumentClient;

  beforeAll(async () => {
    local = await startDynamoLocal({ path: dataDir });
    doc = createDocumentClient({ endpoint: local.endpoint, region: 'local' });
    await ensureTable(doc, tableName);
  }, 60_000);

  afterAll(async () => {
    doc?.destroy();
    await local?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503-style retryable errors while down, then carries on with nothing lost', async () => {
    const entries = new EntryStore(doc, tableName);
    await entries.recordSubmission(submission({ raw: 100 }));
    await entries.recordSubmission(rejected());
    const port = local?.port;
    await local?.stop();

    for (const attempt of [
      () => entries.recordSubmission(submission({ raw: 300 })),
      () => entries.listCurrent('imagine', ['P1']),
      () => entries.history('imagine', cell),
    ]) {
      const counted = countAttempts(doc);
      const error = await attempt().then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect(error).toMatchObject({ retryable: true });
      // Given up after the client's own attempts (each bounded by its timeouts), not retried on and on.
      expect(counted.attempts).toBe(STORAGE_DEFAULTS.maxAttempts);
      counted.remove();
    }

    // Same port and directory, same client and store objects: as when an operator restarts the store.
    local = await startDynamoLocal({ port, path: dataDir });
    const recorded = await entries.recordSubmission(submission({ raw: 400 }));

    expect(recorded).toMatchObject({ version: 3, current: { raw: 400, submissions: 3 } });
    expect((await entries.history('imagine', cell)).map((record) => [record.version, record.status])).toEqual(
      [
        [1, 'accepted'],
        [2, 'rejected'],
        [3, 'accepted'],
      ],
    );
  }, 60_000);

  it('keeps what was stored across a restart, for a new client too', async () => {
    const port = local?.port;
    await local?.stop();
    local = await startDynamoLocal({ port, path: dataDir });
    const fresh = createDocumentClient({ endpoint: local.endpoint, region: 'local' });

    const current = await new EntryStore(fresh, tableName).listCurrent('imagine', ['P1']);
    fresh.destroy();

    expect(current).toEqual([expect.objectContaining({ ...cell, raw: 400, version: 3, submissions: 3 })]);
  }, 60_000);
});
