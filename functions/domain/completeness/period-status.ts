import type { ClosedPeriod } from '../closing/lock-coverage';
import type { MissingValue } from '../summary/completeness';
import type { WindowRef } from '../summary/window-ref';
import type { CellState } from './cell-record';
import type { ConfirmationState } from './confirmation-state';

/** A cell an editor still owes: nothing typed yet, or a value the validator refused. */
export interface OwedCell extends MissingValue {
  state: Extract<CellState, 'empty' | 'rejected'>;
  /** Why a rejected value was refused (the validator's sentences); null for an empty cell. */
  reason: string | null;
}

/** Counts of the window's cells of one installation (or of the whole project), by what they show. */
export interface CellCounts {
  /** Installation x metric x period cells of the window. */
  expected: number;
  /** Cells with something typed: accepted + warnings + rejected. */
  filled: number;
  accepted: number;
  /** Accepted with a warning to look at. */
  warnings: number;
  rejected: number;
  empty: number;
  /** Cells whose value counts (accepted or with warnings) / expected x 100; 100 when nothing is expected. */
  percentComplete: number;
}

export interface InstallationStatus extends CellCounts {
  installationId: string;
  name: string;
  task: string;
  /** The installation's configured editors: who owes its cells (empty when none is configured). */
  editors: string[];
  /** Empty and rejected cells, in metric then period order. */
  owed: OwedCell[];
  /** The latest submission to any of its cells in the window; null when none has a time. */
  lastEdit: { editor: string | null; at: string } | null;
  confirmation: ConfirmationState;
}

/** What one editor owes across the installations they edit. */
export interface EditorDebt {
  editor: string;
  installationIds: string[];
  owed: number;
}

/** Who still owes what for a window (a period, a project year or everything up to a period). Plain JSON. */
export interface PeriodStatus extends CellCounts {
  projectId: string;
  window: WindowRef;
  /** The "now" the status was computed at (ISO instant): decides what is overdue. */
  asOf: string;
  /** Worst first: the lowest share complete, then the most cells owed, then config order. */
  installations: InstallationStatus[];
  /** Editors who owe at least one cell, most owed first. */
  byEditor: EditorDebt[];
  /**
   * The window's periods a coordinator locked (their deliverable submitted): their cells are closed,
   * so nobody is reminded of them. Absent where locks are not known (the offline command line).
   */
  closed?: ClosedPeriod[];
}
