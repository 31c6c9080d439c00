import type { MetadataAnchor } from '../workbook';

/**
 * Plain data crossing between an execution's worker and the host: what SpreadsheetApp objects refer
 * to (never copies of cells) and what the host records for tests to read.
 */

/** A range as SpreadsheetApp numbers it: 1-based row and column, and its size. */
export interface RangeRef {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface MetadataView {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataAnchor;
}

export interface ProtectionView {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  range: RangeRef;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotected: RangeRef[];
}

export interface TriggerView {
  uniqueId: string;
  handlerFunction: string;
  eventType: string;
  triggerSource: string;
  triggerSourceId: string;
}

export type MenuEntry =
  | { caption: string; functionName: string }
  | { separator: true }
  | { caption: string; subMenu: MenuEntry[] };

export interface MenuRecord {
  user: string;
  /** "addon" for createAddonMenu (shown under Extensions › the add-on's name), else the menu's caption. */
  kind: 'addon' | 'menu';
  caption: string;
  items: MenuEntry[];
}

export interface AlertRecord {
  user: string;
  title: string;
  message: string;
  /** "OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL". */
  buttons: string;
  /** The button the person "clicked": scripted by the test, else the affirmative one. */
  answer: string;
  /** For prompts: the text typed. */
  prompt?: string;
}

export interface DialogRecord {
  user: string;
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width?: number;
  height?: number;
}

export interface ToastRecord {
  user: string;
  message: string;
  title: string;
  timeoutSeconds: number;
}

export interface FetchRecord {
  method: string;
  url: string;
  body?: string;
  status?: number;
  error?: 'timeout' | 'unreachable';
}
