import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ClosedLoopResult } from './closed-loop';

/** A cell the clients edit, typed with a number as a partner would. */
export interface EditedCell {
  installationId: string;
  metricId: string;
  periodId: string;
}

/** Single-cell edits POSTed to the API. */
export interface EditLoad {
  kind: 'edits';
  url: string;
  headers: Record<string, string>;
  clients: number;
  edits: number;
  maxMs: number;
  /** Edit i goes to cells[i % cells.length]. */
  cells: readonly EditedCell[];
}

/** PutItem straight to DynamoDB Local with the document client the stores use: one request per write. */
export interface PutItemLoad {
  kind: 'put-items';
  endpoint: string;
  region: string;
  tableName: string;
  clients: number;
  puts: number;
  maxMs: number;
  /** Fields every item carries besides its keys, about those of the history item an edit writes. */
  item: Record<string, unknown>;
}

export type Load = EditLoad | PutItemLoad;

export interface LoadResult {
  run: ClosedLoopResult;
  /** Edits: how many were answered accepted, warning, rejected. */
  statuses: [string, number][];
  /** Put items: HTTP requests sent to DynamoDB, SDK retries included. */
  requests: number;
}

/**
 * The clients, in one worker thread kept for the whole bench: in use they are other machines, so the
 * main thread spends its time on the API only, as a deployed function's does, and what it loads for
 * that (the Functions Framework turns on an async hook for its per-request domains) does not slow the
 * clients. One thread for every run keeps the clients as warm in the measured runs as the warm-up
 * left them, for the ceiling and for the API alike.
 */
export class LoadClients {
  private readonly worker = new Worker(join(__dirname, 'load-clients.worker.ts'), {
    execArgv: ['--require', 'tsx/cjs'],
  });
  private queue: Promise<unknown> = Promise.resolve();

  /** Runs one load at a time, in the order asked. */
  run(load: Load): Promise<LoadResult> {
    const result = this.queue.then(
      () =>
        new Promise<LoadResult>((resolve, reject) => {
          const onError = (error: Error) => reject(error);
          this.worker.once('error', onError);
          this.worker.once('message', (answer: LoadResult) => {
            this.worker.off('error', onError);
            resolve(answer);
          });
          this.worker.postMessage(load);
        }),
    );
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
