import { createHash } from 'node:crypto';
import type { RawInput } from '../domain/entries/metric-value';

/**
 * What the client asked for one cell, as a short hash kept in the idempotency record: a resend with
 * the same requestId and the same input is answered with the first result, a different input is
 * refused. The cell itself is part of the record's key; the validation outcome is left out on purpose,
 * since a resend may be validated against values that changed meanwhile and is still the same request.
 */
export function requestFingerprint(raw: RawInput, expectedVersion: number | undefined): string {
  return createHash('sha256')
    .update(JSON.stringify([raw ?? null, expectedVersion ?? null]))
    .digest('base64url')
    .slice(0, 22);
}
