/** A cell of a POST whose requestId was recorded before with another value. */
export interface ReusedCell {
  installationId: string;
  metricId: string;
  periodId: string;
  cell?: string;
}

/**
 * A retried request must be the request it retries: the client's requestId came back with another
 * value for some cells. Nothing was stored for those cells; http-errors.ts answers 409.
 */
export class RequestIdReusedError extends Error {
  constructor(
    readonly requestId: string,
    readonly cells: ReusedCell[],
  ) {
    const named = cells
      .map((cell) =>
        cell.cell === undefined
          ? `${cell.installationId} / ${cell.metricId} / ${cell.periodId}`
          : `${cell.cell} (${cell.installationId} / ${cell.metricId} / ${cell.periodId})`,
      )
      .join(', ');
    super(
      `The requestId "${requestId}" was already used for a different value of ${named}: a retry must send the same values. Send the new value with a new requestId.`,
    );
    this.name = new.target.name;
  }
}
