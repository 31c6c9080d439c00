import type {
  CurrentEntryView,
  LatestSubmissionView,
  RawInput,
  UnstoredCellView,
} from '../../functions/shared/addon-contract';
import { unvalidatedEntryKey } from '../../functions/shared/addon-contract';
import type { ValueCell } from './value-grid';

export interface ReconcilePlan {
  /** Cells whose sheet value differs from the stored one: edits no trigger saw. */
  toSend: ValueCell[];
  /** Cells that match what is stored, with the stored outcome to paint. */
  unchanged: { cell: ValueCell; entry: CurrentEntryView }[];
  /**
   * Cells still holding the input of their latest submission, which was rejected: already answered,
   * so they are painted from that answer, not sent again (each send adds a version to the history).
   */
  answered: { cell: ValueCell; latest: LatestSubmissionView }[];
}

const keyOf = (installationId: string, metricId: string, periodId: string) =>
  unvalidatedEntryKey({ installationId, metricId, periodId });

/** 5 typed as a number and "5" as text are the same entry; blanks and null are the same empty cell. */
export function sameRaw(sheet: RawInput, stored: RawInput): boolean {
  const text = (raw: RawInput) => (raw === null ? '' : String(raw).trim());
  return text(sheet) === text(stored);
}

/**
 * Compares the sheet with the backend's current values and latest rejected inputs: only what differs
 * from both is sent; an empty cell the backend never heard of is left alone.
 */
export function planReconcile(
  cells: readonly ValueCell[],
  current: readonly CurrentEntryView[],
  unstored: readonly UnstoredCellView[] = [],
): ReconcilePlan {
  const stored = new Map(
    current.map((entry) => [keyOf(entry.installationId, entry.metricId, entry.periodId), entry]),
  );
  const rejectedOnly = new Map(
    unstored.map((cell) => [keyOf(cell.installationId, cell.metricId, cell.periodId), cell.latest]),
  );
  const plan: ReconcilePlan = { toSend: [], unchanged: [], answered: [] };
  for (const cell of cells) {
    const { installationId, metricId, periodId, raw } = cell.submission;
    const key = keyOf(installationId, metricId, periodId);
    const entry = stored.get(key);
    // The latest answer wins over the current value: it is the one the live validation last painted.
    const latest = entry?.latest ?? rejectedOnly.get(key);
    if (latest !== undefined && sameRaw(raw, latest.raw)) {
      plan.answered.push({ cell, latest });
    } else if (entry === undefined) {
      if (raw !== null) plan.toSend.push(cell);
    } else if (sameRaw(raw, entry.raw)) {
      plan.unchanged.push({ cell, entry });
    } else {
      plan.toSend.push(cell);
    }
  }
  return plan;
}
