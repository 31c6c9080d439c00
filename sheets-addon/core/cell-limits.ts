import type { RawInput } from '../../functions/shared/addon-contract';
import { groupThousands, MAX_RAW_TEXT_LENGTH } from '../../functions/shared/addon-contract';

export { groupThousands };

/** The length of a text the API would refuse (it refuses the WHOLE request for it), else undefined. */
export function oversizedLength(raw: RawInput): number | undefined {
  return typeof raw === 'string' && raw.length > MAX_RAW_TEXT_LENGTH ? raw.length : undefined;
}

/**
 * Cells the API takes, and cells it would refuse whole: the latter are painted on their own so the
 * rest of a paste is still sent.
 */
export function withoutOversized<T extends { submission: { raw: RawInput } }>(
  cells: readonly T[],
): { sendable: T[]; tooLong: T[] } {
  const sendable: T[] = [];
  const tooLong: T[] = [];
  for (const cell of cells)
    (oversizedLength(cell.submission.raw) === undefined ? sendable : tooLong).push(cell);
  return { sendable, tooLong };
}

export const tooLongSentence = (length: number) =>
  `too long: ${groupThousands(length)} characters, at most ${groupThousands(MAX_RAW_TEXT_LENGTH)}`;
