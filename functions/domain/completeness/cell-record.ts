import type { EntryKey } from '../entries/entry-key';

/**
 * What a cell shows now, as a coordinator chasing figures reads it: a value taken (with or without a
 * warning), a value refused (the sheet still shows it, the report leaves it out), or nothing at all.
 */
export type CellState = 'accepted' | 'warning' | 'rejected' | 'empty';

/** One cell of the window as the history knows it: its state, why, and who last touched it when. */
export interface CellRecord extends EntryKey {
  state: CellState;
  /** Rejected: why it was refused; warning: what to look at; otherwise empty. One sentence each. */
  reasons: string[];
  /** Who typed the latest submission; null when nobody could tell (a document trigger, a file). */
  editor: string | null;
  /** ISO instant of the latest submission; null for a value read from a file. */
  editedAt: string | null;
}
