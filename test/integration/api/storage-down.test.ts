import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Container } from '../../../functions/api/container';
import { createDocumentClient, STORAGE_DEFAULTS } from '../../../functions/storage/dynamo-client';
import { ensureTable } from '../../../functions/storage/ensure-table';
import { type DynamoLocal, findFreePort, startDynamoLocal } from '../../../local/dynamo-local';
import { type ServedRouter, serveRouter } from '../../../local/serve-router';
import { countAttempts } from '../support/fault-injection';
import { createTestSigner } from '../support/sign-test-token';
import { apiCaller, COORDINATOR, IFCA, seedThroughApi, testContainer } from './api-test-server';

/**
 * The database going away under a running server: requests answer 503 {retryable: true} quickly, the
 * server itself stays up, and once the database is back (same files) everything is there again.
 */
describe('storage unavailable', () => {
  const signer = createTestSigner();
  const dataDir = mkdtempSync(join(tmpdir(), 'va-assess-api-'));
  const tableName = 'va-assess-storage-down';
  let port = 0;
  let local: DynamoLocal | undefined;
  let container: Container | undefined;
  let serverDoc: DynamoDBDocumentClient | undefined;
  let listening: ServedRouter | undefined;
  const call = apiCaller(() => listening?.url ?? '', signer);

  const startStore = async () => {
    local = await startDynamoLocal({ port, path: dataDir });
    const doc = createDocumentClient({ endpoint: local.endpoint, region: 'local' });
    await ensureTable(doc, tableName);
    doc.destroy();
  };

  beforeAll(async () => {
    port = await findFreePort();
    await startStore();
    // The server's own client, built as from env, so the test can count what it sends.
    serverDoc = createDocumentClient({ endpoint: `http://127.0.0.1:${port}`, region: 'local' });
    container = testContainer(`http://127.0.0.1:${port}`, tableName, signer, 'oidc', {}, { doc: serverDoc });
    listening = await serveRouter(() => container as Container);
    await seedThroughApi(call);
  }, 90_000);

  afterAll(async () => {
    await listening?.close();
    serverDoc?.destroy();
    await local?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 retryable while the store is down, keeps serving /health, and recovers with the data', async () => {
    const summary = `/v1/projects/imagine/summary?period=PY1`;
    const before = await call('GET', summary, { as: COORDINATOR });
    expect(before.status).toBe(200);

    await local?.stop();
    const counted = countAttempts(serverDoc as DynamoDBDocumentClient);
    const down = await call('GET', summary, { as: COORDINATOR });
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ code: 'storage-unavailable', retryable: true });
    expect(down.headers.get('retry-after')).toBe('2');
    // Quickly: the first read that fails ends the request after the client's own attempts.
    expect(counted.attempts).toBe(STORAGE_DEFAULTS.maxAttempts);
    counted.remove();
    const write = await call('POST', '/v1/projects/imagine/entries', {
      as: IFCA,
      body: { cells: [{ installationId: 'ifca-cpu', metricId: 'cpu-hours', periodId: 'P3', raw: 1 }] },
    });
    expect(write.status).toBe(503);
    expect(write.body.retryable).toBe(true);
    expect((await call('GET', '/health')).status).toBe(200);

    await startStore();
    const after = await call('GET', summary, { as: COORDINATOR });
    expect(after.status).toBe(200);
    expect(after.body.summary).toEqual(before.body.summary);
  }, 90_000);
});
