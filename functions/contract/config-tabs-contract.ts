/**
 * What "Create project..." and "Apply configuration" exchange with the backend. Types only, free of
 * zod: the add-on bundles nothing of it.
 */

/** POST …/config/starter: the project now exists, with the starter configuration as its first revision. */
export interface StarterConfigResponse {
  projectId: string;
  revision: string;
}

/** One problem of the configuration tabs, on the cell it is about, in the coordinator's words. */
export interface ConfigTabProblem {
  /** The tab's title as the spreadsheet shows it now. */
  tabTitle: string;
  sheetId: number;
  /** 1-based, as getRange(row, column) takes them. */
  row: number;
  column: number;
  /** "Installations!B4". */
  a1: string;
  message: string;
}

/**
 * POST …/sheet/config: the tabs were valid and are now the stored configuration (a new revision,
 * the Metrics tab brought up to date), or nothing was stored and every problem is listed.
 */
export type ApplyConfigResponse =
  | { applied: false; problems: ConfigTabProblem[] }
  | { applied: true; revision: string; installations: number; metrics: number; notices: string[] };
