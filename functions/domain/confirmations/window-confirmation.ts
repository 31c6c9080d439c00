import type { PeriodId } from '../calendar/reporting-period';
import type {
  ConfirmationLookup,
  ConfirmationState as StatusConfirmation,
} from '../completeness/confirmation-state';
import type { Confirmation } from './confirmation';
import {
  type CellVersionNow,
  confirmationKey,
  confirmationState,
  latestConfirmations,
} from './confirmation-state';

/**
 * The Status tab's view of confirmations over a window (P3, PY2...): an installation is confirmed when
 * every period of the window is, stale as soon as one period's confirmation is, and not confirmed
 * otherwise. Who and when: the stale one's, else the newest.
 */
export function windowConfirmationLookup(
  periodIds: readonly PeriodId[],
  confirmations: readonly Confirmation[],
  cells: readonly (CellVersionNow & { installationId: string })[],
): ConfirmationLookup {
  const latest = latestConfirmations(confirmations);
  return (installationId) => {
    const own = cells.filter((cell) => cell.installationId === installationId);
    const states = periodIds.map((periodId) =>
      confirmationState(latest.get(confirmationKey(installationId, periodId)), own),
    );
    const stale = states.find((state) => state.state === 'stale');
    if (stale !== undefined && stale.state === 'stale') {
      return { status: 'stale', by: stale.confirmation.confirmedBy, at: stale.confirmation.confirmedAt };
    }
    const confirmed = states.flatMap((state) => (state.state === 'confirmed' ? [state.confirmation] : []));
    if (confirmed.length < periodIds.length || confirmed.length === 0) return { status: 'not-confirmed' };
    const newest = confirmed.reduce((a, b) => (a.confirmedAt < b.confirmedAt ? b : a));
    return {
      status: 'confirmed',
      by: newest.confirmedBy,
      at: newest.confirmedAt,
    } satisfies StatusConfirmation;
  };
}
