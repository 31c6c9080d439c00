import type { Amendment } from '../closing/as-of';
import type { WindowLockState } from '../closing/lock-coverage';
import type { ProjectConfig } from '../config/project-config-schema';
import type { ReportClosing } from './report-model';

function nameOf(config: ProjectConfig, installationId: string, metricId: string): [string, string] {
  const installation = config.installations.find((item) => item.id === installationId);
  const metric = installation?.metrics.find((item) => item.id === metricId);
  return [installation?.name ?? installationId, metric?.label ?? metricId];
}

/**
 * What a report of a locked window says about it: the instant its figures are as of, the locks
 * (deliverable, who, when), and one row per amendment a coordinator recorded after the lock.
 */
export function closingSection(
  config: ProjectConfig,
  state: WindowLockState,
  amendments: readonly Amendment[],
): ReportClosing {
  return {
    asOf: state.asOf,
    paragraphs: [
      `Figures as of ${state.asOf}.`,
      ...state.locks.map(
        (lock) =>
          `${lock.windowId} was locked on ${lock.lockedAt} by ${lock.lockedBy} for ${lock.deliverable}.`,
      ),
      amendments.length === 0
        ? 'No figure was amended after the lock.'
        : `${amendments.length} figure(s) were amended after the lock:`,
    ],
    amendments: {
      header: ['Installation', 'Metric', 'Period', 'Before', 'After', 'Reason', 'Amended by', 'When'],
      rows: amendments.map((amendment) => [
        ...nameOf(config, amendment.installationId, amendment.metricId),
        amendment.periodId,
        amendment.oldValue === '' ? '(empty)' : amendment.oldValue,
        amendment.newValue === '' ? '(empty)' : amendment.newValue,
        amendment.reason,
        amendment.amendedBy ?? 'unknown',
        amendment.amendedAt,
      ]),
    },
  };
}
