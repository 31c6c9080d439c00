/**
 * Whether a partner stands behind an installation's figures for the window. Confirmations are recorded
 * elsewhere (issue 19, item 2); until a source is plugged into buildPeriodStatus every installation
 * reads "not confirmed", which is the truth while nothing records a confirmation.
 */
export type ConfirmationState =
  | { status: 'not-confirmed' }
  /** `at` is an ISO instant; `stale`: a covered cell changed after the confirmation. */
  | { status: 'confirmed' | 'stale'; by: string; at: string };

/** Where buildPeriodStatus learns each installation's confirmation for the window. */
export type ConfirmationLookup = (installationId: string) => ConfirmationState;

export const NOBODY_CONFIRMED: ConfirmationLookup = () => ({ status: 'not-confirmed' });

/** "confirmed by a@x.org on 2026-05-01T10:00:00Z", "stale: …", "not confirmed". */
export function confirmationText(state: ConfirmationState): string {
  if (state.status === 'not-confirmed') return 'not confirmed';
  const who = `by ${state.by} at ${state.at}`;
  return state.status === 'confirmed'
    ? `confirmed ${who}`
    : `stale (a value changed since it was confirmed ${who})`;
}
