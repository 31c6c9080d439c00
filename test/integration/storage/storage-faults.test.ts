import { createServer, type Server, type Socket } from 'node:net';
import {
  InternalServerError,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import { DraftStore } from '../../../functions/storage/draft-store';
import { createDocumentClient, STORAGE_DEFAULTS } from '../../../functions/storage/dynamo-client';
import { EntryStore } from '../../../functions/storage/entry-store';
import { StorageUnavailableError } from '../../../functions/storage/storage-errors';
import { findFreePort } from '../../../local/dynamo-local';
import { useDynamoLocal } from '../support/dynamo-local-harness';
import { countAttempts, failCommand, loseResponse } from '../support/fault-injection';
import { submission } from '../support/submission-factory';

const cell = { installationId: 'ifca-cpu', metricId: 'cpu-hours', periodId: 'P1' } as const;
const $metadata = {};

const throttled = () =>
  new ProvisionedThroughputExceededException({
    message: 'Rate of requests exceeds the allowed throughput',
    $metadata,
  });
const conflicted = () =>
  new TransactionCanceledException({
    message:
      'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
    $metadata,
    CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }],
  });

/** The error `work` fails with, or undefined when it succeeds. */
async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('storage faults', () => {
  const dynamo = useDynamoLocal();

  describe('injected into the real client (DynamoDB Local never throttles or conflicts)', () => {
    it('rides out one throttled call with the SDK retry', async () => {
      const fault = failCommand(dynamo.doc, 'TransactWriteItemsCommand', 1, throttled);
      const recorded = await new EntryStore(dynamo.doc, dynamo.tableName).recordSubmission(submission());
      fault.remove();

      expect(recorded).toMatchObject({ version: 1, replayed: false });
      expect(fault.calls).toBe(2);
    });

    it('reports sustained throttling as retryable, fast, with nothing written', async () => {
      const fault = failCommand(dynamo.doc, 'TransactWriteItemsCommand', Number.POSITIVE_INFINITY, throttled);
      const entries = new EntryStore(dynamo.doc, dynamo.tableName);
      const error = await failure(() => entries.recordSubmission(submission()));
      fault.remove();

      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect(error).toMatchObject({ retryable: true, reason: 'ProvisionedThroughputExceededException' });
      // Fast: only the SDK's own attempts, not the store's conflict loop (which would try 120 times).
      expect(fault.calls).toBe(STORAGE_DEFAULTS.maxAttempts);
      expect(await entries.history('imagine', cell)).toEqual([]);
    });

    it('retries a transaction cancelled by a conflict until it lands, once', async () => {
      const fault = failCommand(dynamo.doc, 'TransactWriteItemsCommand', 3, conflicted);
      const entries = new EntryStore(dynamo.doc, dynamo.tableName);
      const recorded = await entries.recordSubmission(submission({ raw: 5 }));
      fault.remove();

      expect(fault.injected).toBe(3);
      expect(recorded).toMatchObject({ version: 1, replayed: false, current: { raw: 5 } });
      expect(await entries.history('imagine', cell)).toHaveLength(1);
    });

    it('turns conflicts that outlast its attempts into a retryable error', async () => {
      const fault = failCommand(
        dynamo.doc,
        'TransactWriteItemsCommand',
        Number.POSITIVE_INFINITY,
        conflicted,
      );
      const entries = new EntryStore(dynamo.doc, dynamo.tableName, { maxAttempts: 4 });
      const error = await failure(() => entries.recordSubmission(submission()));
      fault.remove();

      expect(error).toMatchObject({
        name: 'StorageUnavailableError',
        retryable: true,
        reason: 'TransactionConflict after 4 attempts',
      });
      expect(fault.calls).toBe(4);
    });

    it('maps a conflict with a running transaction on a plain write to retryable', async () => {
      const conflict = () =>
        new TransactionConflictException({ message: 'Transaction is ongoing', $metadata });
      const fault = failCommand(dynamo.doc, 'PutItemCommand', Number.POSITIVE_INFINITY, conflict);
      const error = await failure(() =>
        new DraftStore(dynamo.doc, dynamo.tableName).saveGenerated('imagine', 'P1', [
          { installationId: 'ifca-cpu', text: 'text', figures: null },
        ]),
      );
      fault.remove();

      expect(error).toMatchObject({
        name: 'StorageUnavailableError',
        reason: 'TransactionConflictException',
      });
    });

    it('maps a server error on a read to retryable', async () => {
      const fault = failCommand(
        dynamo.doc,
        'QueryCommand',
        Number.POSITIVE_INFINITY,
        () =>
          new InternalServerError({ message: 'Internal server error', $metadata: { httpStatusCode: 500 } }),
      );
      const error = await failure(() =>
        new EntryStore(dynamo.doc, dynamo.tableName).listCurrent('imagine', ['P1']),
      );
      fault.remove();

      expect(error).toMatchObject({ name: 'StorageUnavailableError', retryable: true });
    });
  });

  describe('lost responses', () => {
    it('does not write twice when the SDK resends a transaction whose answer was lost', async () => {
      const lost = loseResponse(dynamo.doc, 'TransactWriteItemsCommand', 1);
      const entries = new EntryStore(dynamo.doc, dynamo.tableName);
      const recorded = await entries.recordSubmission(submission({ raw: 7 }));
      lost.remove();

      expect(lost.calls).toBe(2);
      expect(recorded).toMatchObject({ version: 1, current: { raw: 7 } });
      expect(await entries.history('imagine', cell)).toHaveLength(1);
    });

    it('replays the original result when the client resends after every attempt lost its answer', async () => {
      const lost = loseResponse(dynamo.doc, 'TransactWriteItemsCommand', 2);
      const entries = new EntryStore(dynamo.doc, dynamo.tableName);
      const firstError = await failure(() =>
        entries.recordSubmission(submission({ raw: 8, requestId: 'edit-1' })),
      );
      lost.remove();
      expect(firstError).toMatchObject({ name: 'StorageUnavailableError', reason: 'ECONNRESET' });

      const resent = await entries.recordSubmission(submission({ raw: 8, requestId: 'edit-1' }));

      expect(resent).toMatchObject({ version: 1, replayed: true, becameCurrent: true, current: { raw: 8 } });
      expect(await entries.history('imagine', cell)).toHaveLength(1);
    });

    it('replays rather than reporting a conflict when the resend carries the version it started from', async () => {
      const entries = new EntryStore(dynamo.doc, dynamo.tableName);
      await entries.recordSubmission(submission({ raw: 1 }));
      await entries.recordSubmission(submission({ raw: 2, requestId: 'edit-2' }), { expectedVersion: 1 });

      const resent = await entries.recordSubmission(submission({ raw: 2, requestId: 'edit-2' }), {
        expectedVersion: 1,
      });

      expect(resent).toMatchObject({ version: 2, replayed: true });
    });
  });

  describe('unreachable store', () => {
    it('fails fast with a retryable error when nothing listens on the port', async () => {
      const port = await findFreePort();
      const doc = createDocumentClient({
        endpoint: `http://127.0.0.1:${port}`,
        region: 'local',
      });
      const counted = countAttempts(doc);
      const error = await failure(() => new EntryStore(doc, 't').recordSubmission(submission()));
      doc.destroy();

      expect(error).toMatchObject({
        name: 'StorageUnavailableError',
        retryable: true,
        reason: 'ECONNREFUSED',
      });
      expect(counted.attempts).toBe(STORAGE_DEFAULTS.maxAttempts);
    });

    describe('when the store accepts connections but never answers', () => {
      let server: Server;
      const sockets = new Set<Socket>();
      let port: number;
      beforeAll(async () => {
        server = createServer((socket) => {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const address = server.address();
        port = typeof address === 'object' && address !== null ? address.port : 0;
      });
      afterAll(async () => {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => server.close(resolve));
      });

      it('gives up after the request timeout with a retryable error', async () => {
        const doc = createDocumentClient({
          endpoint: `http://127.0.0.1:${port}`,
          region: 'local',
          requestTimeoutMs: 300,
        });
        const counted = countAttempts(doc);
        const error = await failure(() => new EntryStore(doc, 't').listCurrent('imagine', ['P1']));
        doc.destroy();

        expect(error).toMatchObject({ name: 'StorageUnavailableError', retryable: true });
        // Each attempt ends at the 300 ms request timeout (a hang would end at jest's timeout instead).
        expect(counted.attempts).toBe(STORAGE_DEFAULTS.maxAttempts);
      });
    });
  });
});
