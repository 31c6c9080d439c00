import { periodHeading } from '../report/period-heading';
import { confirmationText } from './confirmation-state';
import type { InstallationStatus, OwedCell, PeriodStatus } from './period-status';

/**
 * The Status tab's tables and the CLI's, cell for cell: both print these rows, so `va-assess status`
 * and the sheet cannot disagree on a figure.
 */
export type StatusCell = string | number;

export const INSTALLATION_STATUS_HEADERS = [
  'Installation',
  'Task',
  'Complete',
  'Expected',
  'Accepted',
  'Warnings',
  'Rejected',
  'Empty',
  'To be entered by',
  'Last edit',
  'Confirmation',
] as const;

export const OWED_CELL_HEADERS = [
  'Installation',
  'Metric',
  'Period',
  'State',
  'Reason',
  'To be entered by',
  'Overdue',
] as const;

/** "13%": rounded to a whole percent, but never 100% while a cell is owed. */
export function percentText(percent: number, owed: number): string {
  const rounded = Math.round(percent);
  return `${owed > 0 && rounded === 100 ? 99 : rounded}%`;
}

const editorsText = (editors: readonly string[]): string =>
  editors.length === 0 ? 'no editor configured' : editors.join(', ');

export function installationStatusRow(installation: InstallationStatus): StatusCell[] {
  const { lastEdit } = installation;
  return [
    installation.name,
    installation.task,
    percentText(installation.percentComplete, installation.owed.length),
    installation.expected,
    installation.accepted,
    installation.warnings,
    installation.rejected,
    installation.empty,
    installation.owed.length === 0 ? '' : editorsText(installation.editors),
    lastEdit === null ? 'none' : `${lastEdit.at}${lastEdit.editor === null ? '' : ` by ${lastEdit.editor}`}`,
    confirmationText(installation.confirmation),
  ];
}

export function owedCellRow(cell: OwedCell): StatusCell[] {
  return [
    cell.installationName,
    cell.metricLabel,
    periodHeading(cell),
    cell.state,
    cell.reason ?? '',
    editorsText(cell.editors),
    cell.due ? 'yes' : 'not yet due',
  ];
}

/** "P3 (M13–M18): 6 of 45 values in (13%); 38 empty, 1 rejected, 1 with a warning to look at." */
export function statusHeadline(status: PeriodStatus): string {
  const owed = status.empty + status.rejected;
  return (
    `${status.window.label}: ${status.accepted + status.warnings} of ${status.expected} values in ` +
    `(${percentText(status.percentComplete, owed)}); ${status.empty} empty, ${status.rejected} rejected, ` +
    `${status.warnings} with a warning to look at.${closedSentence(status)}`
  );
}

/** " P1, P2 locked since … for D4.2: their cells are closed." when some of the window's periods are. */
function closedSentence(status: PeriodStatus): string {
  const closed = status.closed ?? [];
  if (closed.length === 0) return '';
  const byLock = new Map<string, string[]>();
  for (const period of closed) {
    const key = `since ${period.lockedAt} for ${period.deliverable}`;
    byLock.set(key, [...(byLock.get(key) ?? []), period.periodId]);
  }
  const parts = [...byLock].map(([lock, periods]) => `${periods.join(', ')} locked ${lock}`);
  return ` ${parts.join('; ')}: ${closed.length === 1 ? 'its' : 'their'} cells are closed.`;
}

/** Every owed cell, worst installation first: the rows of the "still owed" table. */
export function owedCellRows(status: PeriodStatus): StatusCell[][] {
  return status.installations.flatMap((installation) => installation.owed.map(owedCellRow));
}
