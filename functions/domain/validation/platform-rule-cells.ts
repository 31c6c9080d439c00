import type { Installation } from '../config/installation-schema';
import type { MetricDefinition } from '../config/metric-definition-schema';
import type { ProjectConfig } from '../config/project-config-schema';

/** One installation's metric, whatever the period. */
export interface MetricSlot {
  installationId: string;
  metricId: string;
}

/**
 * The cells the platform rule connects, defined once for the rule itself (validate-entries) and for
 * the reads and re-checks it causes (cross-entry-reads): a platform's hours are compared, period by
 * period, with the hours every infrastructure delivered toward a budget counted in hours.
 */
export function isPlatformHours(
  installation: Pick<Installation, 'role'> | undefined,
  metric: Pick<MetricDefinition, 'kind'> | undefined,
): boolean {
  return installation?.role === 'platform' && metric?.kind === 'hours';
}

/** The infrastructure metrics whose hours a platform's hours are compared with, in config order. */
export function infrastructureHourSlots(config: ProjectConfig): MetricSlot[] {
  const hourBudgets = new Set(
    config.project.budgets.filter((budget) => /hours/i.test(budget.unit)).map((budget) => budget.id),
  );
  return config.installations
    .filter((installation) => installation.role === 'infrastructure')
    .flatMap((installation) =>
      installation.metrics
        .filter((metric) => metric.countsToward !== undefined && hourBudgets.has(metric.countsToward))
        .map((metric) => ({ installationId: installation.id, metricId: metric.id })),
    );
}
