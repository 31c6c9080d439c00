import type { BlockingCell, OpenWarning } from '../domain/confirmations/confirmable-cells';

/** A cell of the installation's period is empty or holds a rejected value: nothing to stand behind yet. */
export class ConfirmationBlockedError extends Error {
  constructor(
    readonly installationId: string,
    readonly periodId: string,
    readonly blocking: readonly BlockingCell[],
  ) {
    super(
      `The ${periodId} figures of ${installationId} cannot be confirmed yet: ${blocking.map((cell) => cell.message).join(' ')}`,
    );
    this.name = new.target.name;
  }
}

/** An open warning needs one line saying why the value stands; nothing was recorded. */
export class JustificationNeededError extends Error {
  constructor(
    readonly unjustified: readonly OpenWarning[],
    readonly malformed: readonly { metricId: string; problem: string }[],
  ) {
    const parts = [
      ...unjustified.map(
        (warning) =>
          `${warning.metricId} (${warning.periodId}, "${warning.normalized}") has an open warning (${warning.ruleIds.join(', ')}): give one line saying why it stands`,
      ),
      ...malformed.map((line) => `the justification of ${line.metricId}: ${line.problem}`),
    ];
    super(`Nothing was confirmed: ${parts.join('; ')}.`);
    this.name = new.target.name;
  }
}

/** The figures moved since the partner looked at them: they confirm only what they saw. */
export class FiguresChangedError extends Error {
  constructor(readonly changes: readonly { metricId: string; seen: number | null; now: number | null }[]) {
    super(
      `The figures changed since you looked at them (${changes
        .map(
          (change) =>
            `${change.metricId}: version ${change.seen ?? 'none'} seen, ${change.now ?? 'none'} now`,
        )
        .join('; ')}): look at them again, then confirm.`,
    );
    this.name = new.target.name;
  }
}

export class UnknownInstallationError extends Error {
  constructor(projectId: string, installationId: string, known: readonly string[]) {
    super(
      `Project "${projectId}" has no installation "${installationId}"; expected one of ${known.join(', ')}`,
    );
    this.name = new.target.name;
  }
}
