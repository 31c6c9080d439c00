import type { DateTime } from 'luxon';
import { parseWindow } from '../domain/calendar/reporting-window';
import { closedPeriods } from '../domain/closing/lock-coverage';
import { buildPeriodStatus } from '../domain/completeness/build-period-status';
import type { ConfirmationLookup } from '../domain/completeness/confirmation-state';
import type { PeriodStatus } from '../domain/completeness/period-status';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { windowConfirmationLookup } from '../domain/confirmations/window-confirmation';
import type { ConfirmationStore } from '../storage/confirmation-store';
import type { StoredCell } from '../storage/entry-records';
import type { EntryStore } from '../storage/entry-store';
import type { LockStore } from '../storage/lock-store';
import { cellRecordOf } from './cell-records-of';

/**
 * Who still owes what for one window, from every stored cell of its periods (one Query per period).
 * Partners' confirmations (issue 19, item 2) come from `deps.confirmations` when given (the API, the
 * Status tab), checked against the same cells; `confirmation` overrides them; with neither (the offline
 * command line) nobody has confirmed anything and the status says so.
 */
export async function computeStatus(
  deps: {
    entries: Pick<EntryStore, 'listCells'>;
    confirmations?: Pick<ConfirmationStore, 'list'>;
    locks?: Pick<LockStore, 'list'>;
  },
  config: ProjectConfig,
  windowSpec: string,
  now: DateTime,
  confirmation?: ConfirmationLookup,
): Promise<PeriodStatus> {
  const window = parseWindow(config.project, windowSpec);
  const periodIds = window.periods.map((period) => period.id);
  const [cells, confirmations, locks] = await Promise.all([
    deps.entries.listCells(config.project.id, periodIds),
    confirmation === undefined ? deps.confirmations?.list(config.project.id, periodIds) : undefined,
    deps.locks?.list(config.project.id),
  ]);
  // Partners' confirmations (issue 19, item 2), checked against the same cells' versions.
  const lookup =
    confirmation ??
    (confirmations === undefined
      ? undefined
      : windowConfirmationLookup(periodIds, confirmations, cells.map(cellVersionOf)));
  const status = buildPeriodStatus(config, window, cells.map(cellRecordOf), now, lookup);
  return locks === undefined ? status : { ...status, closed: closedPeriods(locks, periodIds) };
}

function cellVersionOf(cell: StoredCell) {
  const { installationId, metricId, periodId } = cell;
  return {
    installationId,
    metricId,
    periodId,
    submissions: cell.current?.submissions ?? cell.latest?.version ?? 0,
  };
}
