import { parseSheetRowKey, sheetRowKey } from '../../domain/entries/entry-key';
/**
 * Developer-metadata anchors: how the functions (Sheets API) and the add-on (SpreadsheetApp) find
 * tabs, rows and columns without relying on positions, titles or labels a person may change.
 * Pure and free of Node imports: the add-on bundles it.
 */
export const ANCHOR_KEYS = {
  /** On the spreadsheet: the project id the sheet reports for. */
  project: 'va-assess:project',
  /** On a tab (sheet location): its tab module's role (tab-registry.ts). */
  tab: 'va-assess:tab',
  /** On a Metrics row: "<installationId>/<metricId>". */
  entryRow: 'va-assess:entry-row',
  /** On a Metrics column: a period id, "P1". */
  periodColumn: 'va-assess:period',
  /** On an Installations row: the installation id. */
  installationRow: 'va-assess:installation',
  /** On an Assessments row: "<installationId>/<windowId>". */
  assessmentRow: 'va-assess:assessment-row',
  /** On a Summary or Report row that starts a window's block: the window id, "PY1". */
  windowBlock: 'va-assess:window',
  /** On a Metrics label column: one of METRICS_LABEL_COLUMNS, so moved label columns are still found. */
  labelColumn: 'va-assess:label-column',
  /**
   * Legacy: earlier versions kept a hash of the text they wrote here, which any editor could rewrite.
   * What the functions wrote now lives in DynamoDB (DraftStore.sheetTexts); this key is only found to
   * be removed.
   */
  assessmentWritten: 'va-assess:assessment-written',
} as const;

export type { EntryRowKey } from '../../domain/entries/entry-key';

/** A row's key as its anchor and key cell hold it: the sheet's form of the entry row key. */
export const entryRowValue = sheetRowKey;

/** undefined for a value that no entry row anchor of ours would hold. */
export const parseEntryRowValue = parseSheetRowKey;

/**
 * The header of the Metrics tab's key column, whose cells hold each row's entryRowValue as text: the
 * cells move with a sort, the row's metadata does not, so the key cell says which installation and
 * metric a row reports (the add-on finds the column by this header, in its one read of the tab).
 */
export const KEY_COLUMN_HEADER = 'Row key';
/** The key column's label-column anchor value (its metadata: where the header was renamed). */
export const KEY_COLUMN_ID = 'key';

/** "P1 (M01–M06)": the header of a period's value column, starting with the period id. */
export const periodHeaderText = (periodId: string, label: string): string => `${periodId} (${label})`;

/** The period id a value column's header names, undefined for any other header. */
export function periodIdOfHeader(text: string): string | undefined {
  return /^(P[1-9][0-9]*) \(/.exec(text.trim())?.[1];
}

export const assessmentRowValue = (installationId: string, windowId: string): string =>
  `${installationId}/${windowId}`;

/** Cell colours shared by the write-back and the add-on's painting of edit outcomes. */
export const OUTCOME_COLOURS = {
  accepted: '#d9ead3',
  warning: '#fff2cc',
  rejected: '#f4cccc',
  pending: '#e0e0e0',
} as const;
