import type { InstallationStatus, PeriodStatus, StatusResponse } from '../../functions/shared/addon-contract';
import type { SidebarStatusRow, SidebarStatusView } from '../shared/ui-types';

function confirmationOf(installation: InstallationStatus): string {
  const { confirmation } = installation;
  if (confirmation.status === 'not-confirmed') return 'not confirmed';
  return `${confirmation.status === 'stale' ? 'stale: changed since confirmed' : 'confirmed'} by ${confirmation.by}`;
}

/** Never 100% while a cell is owed, as the Status tab rounds. */
function percent(installation: InstallationStatus): string {
  const rounded = Math.round(installation.percentComplete);
  return `${installation.owed.length > 0 && rounded === 100 ? 99 : rounded}%`;
}

/**
 * The sidebar's completeness section: the caller's own installations first (a partner looks for
 * theirs), then the others, each group worst first as the status orders them.
 */
export function sidebarStatusView(answer: StatusResponse): SidebarStatusView {
  const status = answer.status as PeriodStatus;
  const yours = new Set(answer.yours);
  const rows: SidebarStatusRow[] = status.installations.map((installation) => ({
    name: installation.name,
    complete: percent(installation),
    owed: installation.owed.length,
    mine: yours.has(installation.installationId),
    confirmation: confirmationOf(installation),
  }));
  return {
    error: '',
    headline: answer.headline,
    rows: [...rows.filter((row) => row.mine), ...rows.filter((row) => !row.mine)],
  };
}
