import '../functions/commons/quiet-aws-sdk-node-warning';
import { randomUUID } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/storage/dynamo-client';
import { runClosedLoop } from './closed-loop';
import { countDynamoRequests } from './dynamo-request-counter';
import type { EditLoad, Load, LoadResult, PutItemLoad } from './load-clients';
import { keepAliveAgent, postJson } from './post-json';

async function edits(load: EditLoad): Promise<LoadResult> {
  const agent = keepAliveAgent(load.clients);
  const statuses = new Map<string, number>();
  try {
    const run = await runClosedLoop({
      clients: load.clients,
      operations: load.edits,
      maxMs: load.maxMs,
      operation: async (index) => {
        const cell = load.cells[index % load.cells.length];
        if (cell === undefined) throw new Error('no cell to edit');
        const edit = { ...cell, raw: 1000 + (index % 500) };
        const answer = await postJson(load.url, { cells: [edit] }, load.headers, agent);
        const outcome = (answer.body as { outcomes?: { status?: string; version?: number | null }[] })
          .outcomes?.[0];
        if (answer.status !== 200 || typeof outcome?.version !== 'number') {
          throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
        }
        const status = outcome.status ?? 'unknown';
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      },
    });
    return { run, statuses: [...statuses], requests: 0 };
  } finally {
    agent.destroy();
  }
}

async function putItems(load: PutItemLoad): Promise<LoadResult> {
  const doc = createDocumentClient({ endpoint: load.endpoint, region: load.region });
  const counter = countDynamoRequests(doc);
  try {
    const run = await runClosedLoop({
      clients: load.clients,
      operations: load.puts,
      maxMs: load.maxMs,
      operation: async (index) => {
        await doc.send(
          new PutCommand({
            TableName: load.tableName,
            Item: {
              pk: `bench#${index % 64}`,
              sk: `put#${index}`,
              ...load.item,
              version: index,
              rawJson: JSON.stringify(1000 + index),
              valueJson: JSON.stringify({ type: 'number', value: 1000 + index }),
              normalized: String(1000 + index),
              submittedAt: new Date().toISOString(),
              requestId: randomUUID(),
            },
          }),
        );
      },
    });
    return { run, statuses: [], requests: counter.total() };
  } finally {
    doc.destroy();
  }
}

parentPort?.on('message', (load: Load) => {
  const running = load.kind === 'edits' ? edits(load) : putItems(load);
  running.then(
    (result) => parentPort?.postMessage(result),
    (error: unknown) => {
      throw error;
    },
  );
});
