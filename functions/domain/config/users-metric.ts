import type { MetricKind } from './metric-definition-schema';

/**
 * A count of people ("users" in its unit or id). The same people come back period after period and
 * use several installations, so such a figure is never added up, neither over periods nor into a budget.
 */
export function isUsersMetric(metric: { kind: MetricKind; id: string; unit: string }): boolean {
  return metric.kind === 'count' && (/\busers?\b/i.test(metric.unit) || /(^|-)users?(-|$)/.test(metric.id));
}
