import type { PeriodId } from '../calendar/reporting-period';
import type { Confirmation } from '../confirmations/confirmation';
import { confirmationSentence } from '../confirmations/confirmation-sentence';
import {
  type CellVersionNow,
  confirmationKey,
  confirmationState,
  latestConfirmations,
} from '../confirmations/confirmation-state';

/**
 * The stored confirmations of the window's periods and every stored cell's submission counter. A report
 * frozen at a moment (a locked window, reported as of its lock) gives `asOf` and the counters as of that
 * moment: confirmations made later are left out, so regenerating it later prints the same lines.
 */
export interface ReportConfirmations {
  records: readonly Confirmation[];
  cells: readonly (CellVersionNow & { installationId: string })[];
  /** ISO instant; absent: everything stored counts. */
  asOf?: string;
}

/** installationId → one line per period of the window: confirmed by whom and when, stale, or not confirmed. */
export function confirmationLines(
  installationIds: readonly string[],
  periodIds: readonly PeriodId[],
  confirmations: ReportConfirmations,
): Map<string, string[]> {
  const { asOf } = confirmations;
  const latest = latestConfirmations(
    asOf === undefined
      ? confirmations.records
      : confirmations.records.filter((record) => Date.parse(record.confirmedAt) <= Date.parse(asOf)),
  );
  return new Map(
    installationIds.map((installationId) => {
      const cells = confirmations.cells.filter((cell) => cell.installationId === installationId);
      return [
        installationId,
        periodIds.map((periodId) =>
          confirmationSentence(
            periodId,
            confirmationState(latest.get(confirmationKey(installationId, periodId)), cells),
          ),
        ),
      ];
    }),
  );
}
