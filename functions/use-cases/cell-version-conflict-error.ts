/** Errors of the entry submission use case; http-errors.ts maps them to statuses. */
export interface CellConflict {
  installationId: string;
  metricId: string;
  periodId: string;
  cell?: string;
  expectedVersion: number;
  currentVersion: number;
}

/**
 * Some cells of a POST were edited from a version that is no longer current. The other cells were
 * stored; a retry with the same requestId stores them once only.
 */
export class CellVersionConflictError extends Error {
  constructor(readonly conflicts: CellConflict[]) {
    super(
      `${conflicts.length} cell(s) changed while being edited: ${conflicts
        .map(
          (conflict) =>
            `${conflict.cell ?? `${conflict.installationId}/${conflict.metricId}/${conflict.periodId}`} is at version ${conflict.currentVersion}, not ${conflict.expectedVersion}`,
        )
        .join('; ')}. Reload those cells and edit again; the other cells were stored.`,
    );
    this.name = new.target.name;
  }
}
