import type { EntryKey } from '../entries/entry';
import type { UnconfiguredValues } from './unconfigured-values';

export interface MissingValue extends EntryKey {
  installationName: string;
  metricLabel: string;
  /** "M07–M12" */
  periodLabel: string;
  /** Who should enter it: the installation's editors (empty when none is configured). */
  editors: string[];
  /** The period has ended by the summary's "as of" time, so the value is overdue, not merely not yet due. */
  due: boolean;
}

export interface Completeness {
  /** Installation x metric x period cells in the window. */
  expected: number;
  present: number;
  /** present / expected x 100 (100 when nothing is expected). */
  percentComplete: number;
  missing: MissingValue[];
  /** Missing cells per editor, for chasing; an installation with two editors counts for both. */
  byEditor: { editor: string; missing: number }[];
  /** Values stored, up to the window's end, for installations or metrics no longer configured: not counted. */
  unconfigured: UnconfiguredValues[];
}
