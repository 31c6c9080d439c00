import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { Spreadsheet } from './spreadsheet';
import { newSpreadsheetId } from './spreadsheet-id';
import type { SpreadsheetData, WorkbookFile } from './workbook-data';
import { WorkbookError } from './workbook-error';

export interface NewSpreadsheet {
  title: string;
  owner: string;
  sharedWith?: string[];
  locale?: string;
  timeZone?: string;
  /** Without it the spreadsheet gets one default "Sheet1". */
  withoutDefaultSheet?: boolean;
}

/**
 * Every spreadsheet of the local stack, in memory. The Sheets API server and the SpreadsheetApp
 * double both work on the same instance, so what one face writes the other reads.
 */
export class WorkbookModel {
  private readonly spreadsheets = new Map<string, SpreadsheetData>();
  private readonly listeners = new Set<() => void>();

  create(spec: NewSpreadsheet): Spreadsheet {
    const owner = spec.owner.toLowerCase();
    const data: SpreadsheetData = {
      spreadsheetId: newSpreadsheetId(),
      properties: { title: spec.title, locale: spec.locale ?? 'en_US', timeZone: spec.timeZone ?? 'Etc/GMT' },
      owner,
      sharedWith: [...new Set([owner, ...(spec.sharedWith ?? []).map((email) => email.toLowerCase())])],
      sheets: [],
      metadata: [],
      nextId: 1,
    };
    const spreadsheet = new Spreadsheet(data);
    if (!spec.withoutDefaultSheet) spreadsheet.addSheet({ title: 'Sheet1' });
    this.spreadsheets.set(data.spreadsheetId, data);
    this.changed();
    return spreadsheet;
  }

  has(spreadsheetId: string): boolean {
    return this.spreadsheets.has(spreadsheetId);
  }

  /** A live view: changes through it are changes to the model (call `changed()` after, to persist). */
  get(spreadsheetId: string): Spreadsheet {
    const data = this.spreadsheets.get(spreadsheetId);
    if (data === undefined) throw new WorkbookError('Requested entity was not found.', 'notFound');
    return new Spreadsheet(data);
  }

  list(): Spreadsheet[] {
    return [...this.spreadsheets.values()].map((data) => new Spreadsheet(data));
  }

  delete(spreadsheetId: string): void {
    this.get(spreadsheetId);
    this.spreadsheets.delete(spreadsheetId);
    this.changed();
  }

  share(spreadsheetId: string, email: string): void {
    const data = this.get(spreadsheetId).data;
    const who = email.toLowerCase();
    if (!data.sharedWith.includes(who)) data.sharedWith.push(who);
    this.changed();
  }

  /** The owner keeps access: Google has no way to unshare a file from its owner. */
  unshare(spreadsheetId: string, email: string): void {
    const data = this.get(spreadsheetId).data;
    const who = email.toLowerCase();
    if (who === data.owner)
      throw new WorkbookError(`${email} owns the spreadsheet and cannot lose access to it.`);
    data.sharedWith = data.sharedWith.filter((shared) => shared !== who);
    this.changed();
  }

  isSharedWith(spreadsheetId: string, email: string): boolean {
    return this.get(spreadsheetId).data.sharedWith.includes(email.toLowerCase());
  }

  canEdit(spreadsheetId: string, email: string, sheetId: number, row: number, column: number): boolean {
    return this.get(spreadsheetId).canEdit(email, sheetId, row, column);
  }

  /** A deep copy of the whole state of one spreadsheet; equal JSON means nothing changed. */
  snapshot(spreadsheetId: string): SpreadsheetData {
    return structuredClone(this.get(spreadsheetId).data);
  }

  /** A detached copy to apply changes to; nothing is visible until `restore`. */
  clone(spreadsheetId: string): Spreadsheet {
    return new Spreadsheet(this.snapshot(spreadsheetId));
  }

  restore(spreadsheetId: string, state: SpreadsheetData | Spreadsheet): void {
    const data = state instanceof Spreadsheet ? state.data : structuredClone(state);
    if (data.spreadsheetId !== spreadsheetId) {
      throw new Error(`cannot restore spreadsheet ${data.spreadsheetId} over ${spreadsheetId}`);
    }
    this.get(spreadsheetId);
    this.spreadsheets.set(spreadsheetId, data);
    this.changed();
  }

  /** All-or-nothing: `change` works on a copy that replaces the spreadsheet only if it returns. */
  transact<T>(spreadsheetId: string, change: (spreadsheet: Spreadsheet) => T): T {
    const copy = this.clone(spreadsheetId);
    const result = change(copy);
    this.restore(spreadsheetId, copy);
    return result;
  }

  /** Called after each change (e.g. to persist); returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** For a face that changed a live view directly. */
  changed(): void {
    for (const listener of this.listeners) listener();
  }

  toJSON(): WorkbookFile {
    return { format: 'va-assess-local-workbook', version: 1, spreadsheets: [...this.spreadsheets.values()] };
  }

  /**
   * Written to a temporary file then renamed, so a crash never leaves half a file. One spreadsheet
   * at a time: a single JSON string of the whole model once passed V8's string limit ("RangeError:
   * Invalid string length") with several large spreadsheets; each one alone stays under it, as
   * Google's 10,000,000-cell limit bounds it.
   */
  saveToFile(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    const { spreadsheets, ...header } = this.toJSON();
    const file = openSync(temporary, 'w');
    try {
      writeSync(file, `${JSON.stringify(header).slice(0, -1)},"spreadsheets":[`);
      spreadsheets.forEach((data, index) => {
        writeSync(file, `${index === 0 ? '' : ','}${JSON.stringify(data)}`);
      });
      writeSync(file, ']}');
    } finally {
      closeSync(file);
    }
    renameSync(temporary, path);
  }

  static fromJSON(file: unknown): WorkbookModel {
    const parsed = file as Partial<WorkbookFile> | null;
    if (
      parsed?.format !== 'va-assess-local-workbook' ||
      parsed.version !== 1 ||
      !Array.isArray(parsed.spreadsheets)
    ) {
      throw new Error(
        'not a va-assess local workbook file (expected format "va-assess-local-workbook", version 1)',
      );
    }
    const model = new WorkbookModel();
    for (const data of parsed.spreadsheets) model.spreadsheets.set(data.spreadsheetId, data);
    return model;
  }

  static loadFromFile(path: string): WorkbookModel {
    try {
      return WorkbookModel.fromJSON(JSON.parse(readFileSync(path, 'utf8')));
    } catch (error) {
      throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
