import { DateTime } from 'luxon';
import type { ConfirmationState } from './confirmation-state';

/** "2026-12-05 04:30 UTC": a confirmation's time as the report and the sidebar print it. */
export function confirmationTimeText(iso: string): string {
  const time = DateTime.fromISO(iso, { zone: 'utc' });
  return time.isValid ? time.toFormat("yyyy-MM-dd HH:mm 'UTC'") : iso;
}

/**
 * One line per installation and period, for the report and the sidebar: who confirmed the figures
 * and when, that the confirmation went stale (and which cells changed), or that nobody confirmed them.
 */
export function confirmationSentence(periodId: string, state: ConfirmationState): string {
  if (state.state === 'not-confirmed') return `${periodId} figures: not confirmed.`;
  const { confirmation } = state;
  const who = `${confirmation.confirmedBy} on ${confirmationTimeText(confirmation.confirmedAt)}`;
  const justified =
    confirmation.justifications.length === 0
      ? ''
      : ` Warnings kept: ${confirmation.justifications.map((line) => `${line.metricId}: "${line.text}"`).join('; ')}.`;
  if (state.state === 'confirmed') return `${periodId} figures confirmed by ${who}.${justified}`;
  const changed = state.changed.map((cell) => cell.metricId).join(', ');
  return `${periodId} figures: confirmation by ${who} is stale: changed since (${changed}); not confirmed as they stand.`;
}
