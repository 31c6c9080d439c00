import { listPeriods } from '../../domain/calendar/reporting-period';
import type { ConfirmationLookup } from '../../domain/completeness/confirmation-state';
import { statusHeadline } from '../../domain/completeness/status-table';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import type { ConfirmationStore } from '../../storage/confirmation-store';
import type { EntryStore } from '../../storage/entry-store';
import type { LockStore } from '../../storage/lock-store';
import { computeStatus } from '../../use-cases/compute-status';
import { metricsCellLinker } from '../layout/metrics-cell-link';
import { metricsTab } from '../layout/metrics-tab';
import { coordinatorEditors } from '../layout/setup-plan';
import { planStatusBlock, statusTab } from '../layout/status-tab';
import { TabAllocator } from '../layout/tab-allocation';
import { ensureTab } from '../layout/tab-module';
import { readBoundSheet, type WriteBackDeps, type WriteBackResult, writeOnce } from './write-back-deps';

export type StatusWriteDeps = WriteBackDeps & {
  entries: Pick<EntryStore, 'listCells'>;
  /** Partners' confirmations, shown per installation (see computeStatus). */
  confirmations?: Pick<ConfirmationStore, 'list'>;
  /** The project's locks: a locked period's cells are closed, as the headline says. */
  locks?: Pick<LockStore, 'list'>;
};

/**
 * Writes (or rewrites in place) the Status block of one window, each owed cell a link to its cell on
 * the Metrics tab: one read, one batchUpdate. `confirmation`: see computeStatus.
 */
export async function writeStatus(
  deps: StatusWriteDeps,
  config: ProjectConfig,
  windowSpec: string,
  confirmation?: ConfirmationLookup,
): Promise<WriteBackResult & { windowId: string; headline: string }> {
  // The status first: an invalid window is refused before the Sheets API is called.
  const status = await computeStatus(deps, config, windowSpec, deps.now(), confirmation);
  const sheet = await readBoundSheet(deps, config);
  const editors = coordinatorEditors({ config, serviceAccountEmail: sheet.serviceAccountEmail });
  const planned = ensureTab(new TabAllocator(sheet.snapshot), statusTab, editors);
  const linker = metricsCellLinker(sheet.snapshot.tabs[metricsTab.role], listPeriods(config.project));
  const requests = [...planned.requests, ...planStatusBlock(planned.tab, status, linker)];
  return {
    ...(await writeOnce(sheet, requests)),
    windowId: status.window.id,
    headline: statusHeadline(status),
  };
}
