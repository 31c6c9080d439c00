import type { InstallationRole, ResourceKind } from '../config/installation-schema';
import type { CountrySetSummary } from './countries-reached';
import type { MetricSummary } from './metric-summary';
import type { UsersFigure } from './users-summary';

/** used: a usage metric is above 0; not-used: all usage values are there and 0; unknown: otherwise. */
export type UsageStatus = 'used' | 'not-used' | 'unknown';

export interface InstallationSummary {
  installationId: string;
  name: string;
  task: string;
  role: InstallationRole;
  resourceKind: ResourceKind;
  providers: string[];
  editors: string[];
  usage: UsageStatus;
  metrics: MetricSummary[];
  /** Union of the installation's country lists over the window; null when it has no country list metric. */
  countries: CountrySetSummary | null;
  /** Its users figure; null when it has no users metric. */
  users: UsersFigure | null;
  /** Metric x period cells of the window without a value. */
  missingCount: number;
}
