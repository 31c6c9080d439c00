import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  itemsPerSecond: number;
  medianMs: number;
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
  for (let index = 0; index < rounds; index += 1) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)] ?? Number.NaN;
  return { name, itemsPerSecond: (items / medianMs) * 1000, medianMs };
}
