import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Measurement {
  name: string;
  /** How many items one run handles: entries validated, values summarised. */
  items: number;
  itemsPerSecond: number;
  medianMs: number;
}

export interface Workload {
  name: string;
  items: number;
  run: () => unknown;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * A full collection before each timed run, so that a run pays for its own garbage and not for what
 * the workload before it left (a 48,000-entry validation leaves tens of MB for the next run to sweep).
 * Node exposes gc() only behind a flag; setting the flag at run time and reading gc from a fresh
 * context is the documented way to get it without changing how the bench is started.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function timed(run: () => unknown): number {
  collectGarbage();
  const started = performance.now();
  run();
  return performance.now() - started;
}

function measurementOf(workload: Workload, times: number[]): Measurement {
  const medianMs = median(times);
  return {
    name: workload.name,
    items: workload.items,
    itemsPerSecond: (workload.items / medianMs) * 1000,
    medianMs,
  };
}

/** Median of `rounds` timed runs after `warmup` untimed ones, so JIT warm-up and GC spikes do not decide. */
export function measure(
  name: string,
  items: number,
  run: () => unknown,
  rounds = 15,
  warmup = 3,
): Measurement {
  for (let index = 0; index < warmup; index += 1) run();
  const times: number[] = [];
  for (let index = 0; index < rounds; index += 1) times.push(timed(run));
  return measurementOf({ name, items, run }, times);
}

/**
 * The same, for workloads to be compared with each other: their runs take turns, so a machine
 * that gets busier or quieter during the bench slows all of them alike and their ratio holds.
 */
export function measureTogether(workloads: readonly Workload[], rounds = 15, warmup = 3): Measurement[] {
  for (let index = 0; index < warmup; index += 1) for (const workload of workloads) workload.run();
  const times = workloads.map((): number[] => []);
  for (let index = 0; index < rounds; index += 1) {
    for (const [which, workload] of workloads.entries()) times[which]?.push(timed(workload.run));
  }
  return workloads.map((workload, which) => measurementOf(workload, times[which] ?? []));
}
