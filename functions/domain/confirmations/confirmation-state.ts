import type { Confirmation, CoveredCell } from './confirmation';

/** A cell as it stands now: its submission counter moves with every new input, rejected or not. */
export interface CellVersionNow {
  metricId: string;
  periodId: string;
  submissions: number;
}

export type ConfirmationState =
  | { state: 'not-confirmed' }
  | { state: 'confirmed'; confirmation: Confirmation }
  | { state: 'stale'; confirmation: Confirmation; changed: CoveredCell[] };

/**
 * Confirmed while every covered cell still holds the version confirmed and nothing was typed there
 * since; any later input (even one rejected: the sheet then shows something else) makes it stale.
 */
export function confirmationState(
  confirmation: Confirmation | undefined,
  cellsNow: readonly CellVersionNow[],
): ConfirmationState {
  if (confirmation === undefined) return { state: 'not-confirmed' };
  const now = new Map(cellsNow.map((cell) => [`${cell.metricId}/${cell.periodId}`, cell.submissions]));
  const changed = confirmation.cells.filter(
    (cell) => now.get(`${cell.metricId}/${cell.periodId}`) !== cell.version,
  );
  return changed.length === 0
    ? { state: 'confirmed', confirmation }
    : { state: 'stale', confirmation, changed };
}

/** The newest confirmation of each installation and period (a partner may confirm again after a change). */
export function latestConfirmations(confirmations: readonly Confirmation[]): Map<string, Confirmation> {
  const latest = new Map<string, Confirmation>();
  for (const confirmation of confirmations) {
    const key = confirmationKey(confirmation.installationId, confirmation.periodId);
    const known = latest.get(key);
    if (known === undefined || known.confirmedAt < confirmation.confirmedAt) latest.set(key, confirmation);
  }
  return latest;
}

export function confirmationKey(installationId: string, periodId: string): string {
  return `${installationId}/${periodId}`;
}
