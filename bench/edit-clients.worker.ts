import { parentPort, workerData } from 'node:worker_threads';
import { runClosedLoop } from './closed-loop';
import type { EditClientsOptions, EditClientsResult } from './edit-clients';
import { keepAliveAgent, postJson } from './post-json';

/** Runs the closed loop of single-cell edits described by workerData and posts the result back. */
async function main(options: EditClientsOptions): Promise<EditClientsResult> {
  const agent = keepAliveAgent(options.clients);
  const statuses = new Map<string, number>();
  try {
    const run = await runClosedLoop({
      clients: options.clients,
      operations: options.edits,
      maxMs: options.maxMs,
      operation: async (index) => {
        const cell = options.cells[index % options.cells.length];
        if (cell === undefined) throw new Error('no cell to edit');
        const edit = { ...cell, raw: 1000 + (index % 500) };
        const answer = await postJson(options.url, { cells: [edit] }, options.headers, agent);
        const outcome = (answer.body as { outcomes?: { status?: string; version?: number | null }[] })
          .outcomes?.[0];
        if (answer.status !== 200 || typeof outcome?.version !== 'number') {
          throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
        }
        const status = outcome.status ?? 'unknown';
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      },
    });
    return { run, statuses: [...statuses] };
  } finally {
    agent.destroy();
  }
}

main(workerData as EditClientsOptions).then(
  (result) => parentPort?.postMessage(result),
  (error: unknown) => {
    throw error;
  },
);
