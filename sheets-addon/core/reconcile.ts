import type { CurrentEntryView, RawInput } from '../../functions/api/contract';
import type { ValueCell } from './value-grid';

export interface ReconcilePlan {
  /** Cells whose sheet value differs from the stored one: edits no trigger saw. */
  toSend: ValueCell[];
  /** Cells that match what is stored, with the stored outcome to paint. */
  unchanged: { cell: ValueCell; entry: CurrentEntryView }[];
}

const keyOf = (installationId: string, metricId: string, periodId: string) =>
  `${installationId}\u0000${metricId}\u0000${periodId}`;

/** 5 typed as a number and "5" as text are the same entry; blanks and null are the same empty cell. */
export function sameRaw(sheet: RawInput, stored: RawInput): boolean {
  const text = (raw: RawInput) => (raw === null ? '' : String(raw).trim());
  return text(sheet) === text(stored);
}

/**
 * Compares the sheet with the backend's current values: only what differs is sent; an empty cell the
 * backend never heard of is left alone.
 */
export function planReconcile(
  cells: readonly ValueCell[],
  current: readonly CurrentEntryView[],
): ReconcilePlan {
  const stored = new Map(
    current.map((entry) => [keyOf(entry.installationId, entry.metricId, entry.periodId), entry]),
  );
  const plan: ReconcilePlan = { toSend: [], unchanged: [] };
  for (const cell of cells) {
    const { installationId, metricId, periodId, raw } = cell.submission;
    const entry = stored.get(keyOf(installationId, metricId, periodId));
    if (entry === undefined) {
      if (raw !== null) plan.toSend.push(cell);
    } else if (sameRaw(raw, entry.raw)) {
      plan.unchanged.push({ cell, entry });
    } else {
      plan.toSend.push(cell);
    }
  }
  return plan;
}
