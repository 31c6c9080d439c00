import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ClosedLoopResult } from './closed-loop';

/** A cell the clients edit, typed with a number as a partner would. */
export interface EditedCell {
  installationId: string;
  metricId: string;
  periodId: string;
}

export interface EditClientsOptions {
  url: string;
  headers: Record<string, string>;
  clients: number;
  edits: number;
  maxMs: number;
  /** Edit i goes to cells[i % cells.length]. */
  cells: readonly EditedCell[];
}

export interface EditClientsResult {
  run: ClosedLoopResult;
  /** How many edits were answered accepted, warning, rejected. */
  statuses: [string, number][];
}

/**
 * The editors, in a worker thread of their own: in use they are other machines, so the API's thread
 * spends its time on the API only, as a deployed function's does.
 */
export function runEditClients(options: EditClientsOptions): Promise<EditClientsResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'edit-clients.worker.ts'), {
      execArgv: ['--require', 'tsx/cjs'],
      workerData: options,
    });
    worker.once('message', (result: EditClientsResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
