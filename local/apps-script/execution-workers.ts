import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RunMessage, RunResult } from './execution-worker';

const workerFile = (): { file: string; execArgv: string[] } => {
  const js = join(__dirname, 'execution-worker.js');
  if (existsSync(js)) return { file: js, execArgv: [] };
  return { file: join(__dirname, 'execution-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };
};

/**
 * The worker threads executions run in: one execution at a time each, kept for the next one (each
 * execution still gets a fresh context, see execution-worker.ts), and ended when the sandbox closes.
 */
export class ExecutionWorkers {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly pending = new Map<number, (result: RunResult) => void>();
  private closed = false;

  constructor(private readonly distDir: string) {}

  /** Runs one execution on an idle worker (or a new one); its port is handed over to the worker. */
  async run(message: RunMessage): Promise<RunResult> {
    const worker = this.take();
    const result = await new Promise<RunResult>((resolve) => {
      this.pending.set(message.executionId, resolve);
      worker.postMessage(message, [message.port]);
    });
    if (this.all.has(worker) && !this.closed) this.idle.push(worker);
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.all].map((worker) => worker.terminate()));
    this.all.clear();
    this.idle.length = 0;
  }

  private take(): Worker {
    const reused = this.idle.pop();
    if (reused !== undefined) return reused;
    const { file, execArgv } = workerFile();
    const worker = new Worker(file, { execArgv, workerData: { distDir: this.distDir } });
    worker.on('message', (result: RunResult) => {
      const settle = this.pending.get(result.executionId);
      this.pending.delete(result.executionId);
      settle?.(result);
    });
    worker.on('error', (error) => {
      for (const [id, settle] of this.pending) {
        settle({
          executionId: id,
          ok: false,
          name: 'WorkerError',
          message: error.message,
          stack: error.stack ?? '',
          logs: [],
        });
      }
      this.pending.clear();
      this.all.delete(worker);
    });
    this.all.add(worker);
    return worker;
  }
}
