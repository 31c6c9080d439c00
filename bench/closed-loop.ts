import { performance } from 'node:perf_hooks';

export interface ClosedLoopOptions {
  clients: number;
  /** Operations in all, shared by the clients; fewer when the time cap comes first. */
  operations: number;
  maxMs: number;
  /** One operation, given its index; throws when it failed (its latency is still recorded). */
  operation: (index: number) => Promise<void>;
}

export interface ClosedLoopResult {
  completed: number;
  failed: number;
  elapsedMs: number;
  /** Per completed operation, failures included. */
  latenciesMs: number[];
  /** True when the time cap stopped the run before all operations were sent. */
  capped: boolean;
  /** The first failure's message, to say why something failed. */
  firstError?: string;
}

/**
 * `clients` loops that each send the next operation as soon as their previous one answered: the load a
 * fixed number of editors puts on the server, never more requests in flight than clients.
 */
export async function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + options.maxMs;
  const client = async () => {
    while (next < options.operations && performance.now() < deadline) {
      const index = next;
      next += 1;
      const sent = performance.now();
      try {
        await options.operation(index);
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      latenciesMs.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  return {
    completed: latenciesMs.length,
    failed,
    elapsedMs: performance.now() - started,
    latenciesMs,
    capped: next < options.operations,
    ...(firstError === undefined ? {} : { firstError }),
  };
}
