/**
 * What crosses google.script.run between the server code and the HTML pages: plain JSON only
 * (google.script.run drops functions, dates become strings).
 */

export type ProblemStatus = 'rejected' | 'warning' | 'pending';

export interface ProblemItem {
  sheetId: number;
  /** "Metrics!D7", what selectCell receives. */
  a1: string;
  metricId: string;
  periodId: string;
  status: ProblemStatus;
  /** The cell's note: what was read, what is wrong, what is expected. */
  note: string;
}

export interface InstallationProblems {
  installationId: string;
  /** The installation's name when known, else its id. */
  name: string;
  rejected: number;
  warnings: number;
  pending: number;
  items: ProblemItem[];
}

export interface ProblemsView {
  /** "" when the sheet could be read; otherwise the sentence to show instead of the list. */
  error: string;
  installations: InstallationProblems[];
  totals: { rejected: number; warnings: number; pending: number };
  /** Edits waiting in the outbox. */
  outbox: number;
}

export interface SettingsView {
  backendUrl: string;
  projectId: string;
  /** The URL prefix this build may fetch (its manifest's urlFetchWhitelist); only settingsLoad sets it. */
  builtFor?: string;
}

export interface ConnectionReport {
  ok: boolean;
  /** One sentence per check, in order: health, access, sheet binding. */
  lines: string[];
  /** The address the spreadsheet must be shared with (editor), from the sheet binding route. */
  serviceAccountEmail: string;
}

export type PeriodAction = 'summary' | 'assessments' | 'report' | 'status';

export interface PeriodChoice {
  id: string;
  label: string;
}

export interface PeriodDialogState {
  action: PeriodAction;
  title: string;
  /** What pressing the button does, e.g. "Compute summary". */
  button: string;
  choices: PeriodChoice[];
  selected: string;
  /** The report's file formats, the first preselected; empty for actions that produce no file. */
  formats: PeriodChoice[];
  /** Set when the calendar could not be read: shown instead of the choices. */
  error: string;
}

export interface ActionReport {
  ok: boolean;
  message: string;
}

/** One reminder as the coordinator sees and edits it in "Remind partners…"; `to` is not editable. */
export interface ReminderDraft {
  to: string;
  subject: string;
  body: string;
}

export interface RemindersDialogState {
  choices: PeriodChoice[];
  selected: string;
  /** Recipients the coordinator's account may still send to today (MailApp.getRemainingDailyQuota). */
  quota: number;
  error: string;
}

export interface RemindersPrepared {
  ok: boolean;
  /** The status headline, or why nothing was prepared. */
  message: string;
  reminders: (ReminderDraft & { cells: number })[];
}

export interface RemindersSent extends ActionReport {
  sent: number;
  notSent: number;
}

/** One installation's line in the sidebar's completeness section. */
export interface SidebarStatusRow {
  name: string;
  /** "75%" */
  complete: string;
  /** Cells still owed: empty or refused. */
  owed: number;
  /** The caller edits it: such rows come first. */
  mine: boolean;
  /** "not confirmed", "confirmed by … at …", "stale (…)" */
  confirmation: string;
}

export interface SidebarStatusView {
  /** "" when the status could be read; otherwise why not (the section then shows only this). */
  error: string;
  headline: string;
  rows: SidebarStatusRow[];
}
