import {
  type InstallationStatus,
  type PeriodStatus,
  percentText,
  type StatusResponse,
} from '../../functions/shared/addon-contract';
import type { SidebarStatusRow, SidebarStatusView } from '../shared/ui-types';

function confirmationOf(installation: InstallationStatus): string {
  const { confirmation } = installation;
  if (confirmation.status === 'not-confirmed') return 'not confirmed';
  return `${confirmation.status === 'stale' ? 'stale: changed since confirmed' : 'confirmed'} by ${confirmation.by}`;
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
    complete: percentText(installation.percentComplete, installation.owed.length),
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
