import type { PeriodId } from '../calendar/reporting-period';
import type { InstallationRole } from '../config/installation-schema';

/**
 * The periodic report as data: every figure already formatted, in the report's one locale. Renderers
 * (Word, HTML, Markdown, charts) only lay it out, so the three files cannot disagree. Plain JSON.
 */
export interface ReportModel {
  projectId: string;
  /** "D4.2 1st Periodical assessment of AI and Infrastructure services" */
  documentTitle: string;
  /** "iMagine" */
  projectTitle: string;
  /** "PY1 (M01–M12)" */
  windowLabel: string;
  windowId: string;
  locale: string;
  documentDescription: ReportTable;
  executiveSummary: ExecutiveSummarySection;
  introduction: IntroductionSection;
  installations: InstallationSection[];
  countries: CountriesSection;
  completeness: CompletenessSection;
  /** Present when every period of the window is locked: the figures are as of the lock. */
  closing?: ReportClosing;
}

/** A locked window's report: as of when, which locks, and the amendments recorded since. */
export interface ReportClosing {
  /** ISO instant of the (last) lock: the figures and texts are as of then, amendments aside. */
  asOf: string;
  /** "Figures as of …", the locks, and whether anything was amended. */
  paragraphs: string[];
  /** One row per amendment: the cell, before and after, the reason, who and when. */
  amendments: ReportTable;
}

/** A table as printed: a header row and text cells. */
export interface ReportTable {
  /** Empty for a key-value table (first column names the row). */
  header: string[];
  rows: string[][];
}

export interface ExecutiveSummarySection {
  /** The generated executive summary paragraph(s): resources delivered, budgets left, pace, users, countries. */
  paragraphs: string[];
  /** One line per budget and budget group, for the sheet's Report tab and the summary table. */
  keyFigures: string[];
  /** Budget, budgeted, used in the window, used to date, % used, % still available, pace, projection. */
  budgets: ReportTable;
  charts: ReportChart[];
}

export interface IntroductionSection {
  paragraphs: string[];
  /** Installations grouped by task and role, in config order. */
  groups: {
    task: string;
    role: InstallationRole;
    title: string;
    installations: { number: string; name: string }[];
  }[];
}

export type AssessmentStatus = 'edited' | 'generated' | 'missing';

export interface ReportAssessment {
  status: AssessmentStatus;
  /** Paragraphs; for a missing assessment, the sentence saying so (never blank). */
  paragraphs: string[];
  /** "Written by jane@example.org on 2023-10-02", "Generated from the figures", "Missing". */
  provenance: string;
}

export interface InstallationSection {
  installationId: string;
  /** "2.3" */
  number: string;
  name: string;
  task: string;
  role: InstallationRole;
  description: ReportTable;
  /** Metric name, baseline, how measured, every period so far, the window's aggregate. */
  metrics: ReportTable;
  /**
   * Per period of the window, who confirmed the installation's figures and when, that the confirmation
   * went stale, or that nobody confirmed them. Absent when the report is made without the stored
   * confirmations (the offline command line).
   */
  confirmations?: string[];
  assessment: ReportAssessment;
}

export interface CountriesSection {
  paragraphs: string[];
  perPeriod: ReportTable;
  perInstallation: ReportTable;
}

export interface CompletenessSection {
  paragraphs: string[];
  /** Installation, metric, period, who should enter it; empty rows when nothing is missing. */
  missing: ReportTable;
}

/** What every chart carries, whatever its kind. */
interface ChartBase {
  id: string;
  title: string;
  /** "Figure 1: ..." */
  caption: string;
  /** The chart's figures in words, for screen readers and Word's alt text. */
  altText: string;
}

/** One bar per installation and period; each value is the metric table's cell. */
export interface UsageChart extends ChartBase {
  kind: 'usage';
  budgetId: string;
  unit: string;
  bars: {
    installationName: string;
    periodId: PeriodId;
    periodLabel: string;
    value: number;
    /** Exactly as the metric table prints it. */
    valueText: string;
  }[];
}

/** Share of each budget used at the end of each period, the pro-rata line and the straight-line projection. */
export interface BudgetTimelineChart extends ChartBase {
  kind: 'budget-timeline';
  durationMonths: number;
  monthsElapsed: number;
  budgets: {
    budgetId: string;
    label: string;
    /** Month 0 (0%) then the end of each period so far. */
    points: { month: number; usedPercent: number; usedText: string }[];
    /** From the last point to the project's end, at the pace so far. */
    projectedPercent: number;
    projectedText: string;
  }[];
}

export type ReportChart = UsageChart | BudgetTimelineChart;

/** Report file formats. */
export const REPORT_FORMATS = ['docx', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
