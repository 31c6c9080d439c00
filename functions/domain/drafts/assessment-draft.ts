import type { PeriodId } from '../calendar/reporting-period';

/** What a draft found, so a coordinator can filter ("which installations were not used?"). */
export type DraftSituation =
  | 'used'
  | 'not-used'
  | 'usage-unknown'
  | 'growing'
  | 'shrinking'
  | 'stable'
  | 'started'
  | 'stopped'
  | 'first-period'
  | 'above-baseline'
  | 'below-baseline'
  | 'values-missing'
  | 'countries-reached'
  | 'new-countries'
  | 'budget-not-measured';

/** One number or label the text quotes, with where it comes from, so a reader can check it. */
export interface DraftFigure {
  /** Stable key, e.g. "ifca-cpu/cpu-hours/P2" or "budget/compute/available-percent". */
  id: string;
  /** What it is, in words: "CPU node/hours served over the period, P2 (M07–M12)". */
  label: string;
  /** Exactly as it appears in the text: "393,888", "+316%", "FR, BE, ES". */
  text: string;
  /** The unrounded value behind the text. */
  value: number | string | string[];
  /** Periods the figure covers. */
  periods: PeriodId[];
  installationId?: string;
  metricId?: string;
}

export interface DraftBase {
  windowId: string;
  /** "P2 (M07–M12)" */
  windowLabel: string;
  /** Paragraphs separated by a blank line. */
  text: string;
  figures: DraftFigure[];
  situations: DraftSituation[];
}

/** The "x.y.2 Assessment" text of one installation for one window, generated from its summary. */
export interface AssessmentDraft extends DraftBase {
  installationId: string;
}

/** The executive summary's paragraph on resources delivered and budgets left. */
export interface ExecutiveSummaryDraft extends DraftBase {
  scope: 'executive-summary';
}

export interface DraftOptions {
  /**
   * Locale numbers are printed in. The report is written in English, so en-GB by default: the project's
   * locale describes how partners type numbers in the sheet, which need not be how the report prints them.
   */
  locale?: string;
}
