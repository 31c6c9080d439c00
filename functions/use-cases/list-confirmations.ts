import type { ConfirmationsResponse } from '../contract/confirmation-contract';
import { parseWindow } from '../domain/calendar/reporting-window';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { confirmationStatusViews } from './confirmation-views';
import type { ConfirmationDeps } from './preview-confirmation';

/** Who confirmed which installation's figures, period by period of a window (P3, PY2...), and what went stale. */
export async function listConfirmations(
  deps: ConfirmationDeps,
  config: ProjectConfig,
  windowSpec: string,
): Promise<ConfirmationsResponse> {
  const window = parseWindow(config.project, windowSpec);
  const periodIds = window.periods.map((period) => period.id);
  const [cells, confirmations] = await Promise.all([
    deps.entries.listCells(config.project.id, periodIds),
    deps.confirmations.list(config.project.id, periodIds),
  ]);
  return {
    windowId: window.id,
    confirmations: confirmationStatusViews(config.installations, periodIds, confirmations, cells),
  };
}
