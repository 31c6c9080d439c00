export interface LatencyPercentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest-rank percentiles of latencies in milliseconds; NaN when there are none. */
export function latencyPercentiles(latenciesMs: readonly number[]): LatencyPercentiles {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
