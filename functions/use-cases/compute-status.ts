import type { DateTime } from 'luxon';
import { parseWindow } from '../domain/calendar/reporting-window';
import { buildPeriodStatus } from '../domain/completeness/build-period-status';
import type { ConfirmationLookup } from '../domain/completeness/confirmation-state';
import type { PeriodStatus } from '../domain/completeness/period-status';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import type { EntryStore } from '../storage/entry-store';
import { cellRecordOf } from './cell-records-of';

/**
 * Who still owes what for one window, from every stored cell of its periods (one Query per period).
 * `confirmation` is where partners' confirmations (issue 19, item 2) plug in; until then nobody has
 * confirmed anything and the status says so.
 */
export async function computeStatus(
  deps: { entries: Pick<EntryStore, 'listCells'> },
  config: ProjectConfig,
  windowSpec: string,
  now: DateTime,
  confirmation?: ConfirmationLookup,
): Promise<PeriodStatus> {
  const window = parseWindow(config.project, windowSpec);
  const cells = await deps.entries.listCells(
    config.project.id,
    window.periods.map((period) => period.id),
  );
  return buildPeriodStatus(config, window, cells.map(cellRecordOf), now, confirmation);
}
