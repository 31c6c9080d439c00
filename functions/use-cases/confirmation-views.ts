import type { ConfirmationStatusView } from '../contract/confirmation-contract';
import type { PeriodId } from '../domain/calendar/reporting-period';
import type { Installation } from '../domain/config/installation-schema';
import type { CellForConfirmation } from '../domain/confirmations/confirmable-cells';
import type { Confirmation } from '../domain/confirmations/confirmation';
import { confirmationSentence } from '../domain/confirmations/confirmation-sentence';
import {
  type CellVersionNow,
  confirmationKey,
  confirmationState,
  latestConfirmations,
} from '../domain/confirmations/confirmation-state';
import type { StoredCell } from '../storage/entry-records';

/** A stored cell as confirming weighs it: its current value, and a newer refused input if any. */
export function cellForConfirmation(cell: StoredCell): CellForConfirmation {
  const current = cell.current;
  const submissions = current?.submissions ?? cell.latest?.version ?? 0;
  const refusedSince =
    cell.latest !== null ||
    (current !== null && submissions > current.version && current.lastStatus === 'rejected');
  return {
    metricId: cell.metricId,
    current:
      current === null
        ? null
        : {
            version: current.version,
            status: current.status,
            normalized: current.normalized,
            issues: current.issues ?? [],
            hasValue: current.value !== null,
          },
    latestRejected: refusedSince ? { version: submissions, issues: cell.latest?.issues ?? [] } : null,
    submissions,
  };
}

/** Each stored cell's submission counter: what tells a confirmation still holds. */
export function cellVersionsOf(cells: readonly StoredCell[]): CellVersionNow[] {
  return cells.map((cell) => ({
    metricId: cell.metricId,
    periodId: cell.periodId,
    submissions: cell.current?.submissions ?? cell.latest?.version ?? 0,
  }));
}

/** One installation and period's confirmation as the API answers it. */
export function confirmationStatusView(
  installation: Installation,
  periodId: PeriodId,
  confirmation: Confirmation | undefined,
  installationCells: readonly StoredCell[],
): ConfirmationStatusView {
  const state = confirmationState(confirmation, cellVersionsOf(installationCells));
  const record = state.state === 'not-confirmed' ? null : state.confirmation;
  return {
    installationId: installation.id,
    installationName: installation.name,
    periodId,
    state: state.state,
    confirmedBy: record?.confirmedBy ?? null,
    confirmedAt: record?.confirmedAt ?? null,
    changedMetrics: state.state === 'stale' ? state.changed.map((cell) => cell.metricId) : [],
    justifications: (record?.justifications ?? []).map(({ metricId, ruleIds, text }) => ({
      metricId,
      ruleIds,
      text,
    })),
    sentence: confirmationSentence(periodId, state),
  };
}

/** Every installation of each period, in configuration order, with its newest confirmation's state. */
export function confirmationStatusViews(
  installations: readonly Installation[],
  periodIds: readonly PeriodId[],
  confirmations: readonly Confirmation[],
  cells: readonly StoredCell[],
): ConfirmationStatusView[] {
  const latest = latestConfirmations(confirmations);
  return installations.flatMap((installation) =>
    periodIds.map((periodId) =>
      confirmationStatusView(
        installation,
        periodId,
        latest.get(confirmationKey(installation.id, periodId)),
        cells.filter((cell) => cell.installationId === installation.id && cell.periodId === periodId),
      ),
    ),
  );
}
