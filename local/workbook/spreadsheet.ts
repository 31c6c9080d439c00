import type {
  LocatedMetadata,
  MetadataAnchor,
  MetadataVisibility,
  StoredMetadata,
} from './developer-metadata';
import { boundsOfGridRange, type GridRange } from './grid-range';
import { locatedMetadata, storedMetadataHolders } from './located-metadata';
import { type MetadataQuery, matchesMetadataQuery } from './metadata-query';
import { type NewSheet, newSheetData } from './new-sheet';
import type { ProtectedRangeData } from './protected-range';
import { canEditCell, checkProtectionRules } from './protection-rules';
import { checkColumnCount, DEFAULT_COLUMN_COUNT, DEFAULT_ROW_COUNT, Sheet } from './sheet';
import type { SheetData, SpreadsheetData } from './workbook-data';
import { WorkbookError } from './workbook-error';

export { locationTypeOf, type MetadataQuery } from './metadata-query';
export type { NewSheet } from './new-sheet';

/**
 * "Up to 10 million cells or 18,278 columns (column ZZZ) for spreadsheets that are created in or
 * converted to Google Sheets" (https://support.google.com/drive/answer/37603). One request once
 * grew a sheet by 20 million rows and took the local stack down; the limit keeps memory bounded.
 */
export const MAX_CELLS_PER_SPREADSHEET = 10_000_000;

/** A view over one spreadsheet's data, for both faces (Sheets API and SpreadsheetApp). */
export class Spreadsheet {
  constructor(readonly data: SpreadsheetData) {}

  get id(): string {
    return this.data.spreadsheetId;
  }
  get owner(): string {
    return this.data.owner;
  }

  private takeId(): number {
    const id = this.data.nextId;
    this.data.nextId += 1;
    return id;
  }

  /** Ids chosen by a caller must not collide with later generated ones. */
  private reserveId(id: number): void {
    if (id >= this.data.nextId) this.data.nextId = id + 1;
  }

  /** Cells of every sheet: Google counts them against MAX_CELLS_PER_SPREADSHEET, empty or not. */
  cellCount(): number {
    return this.data.sheets.reduce(
      (sum, sheet) =>
        sum + sheet.properties.gridProperties.rowCount * sheet.properties.gridProperties.columnCount,
      0,
    );
  }

  /** Refuses growth past Google's cell limit before anything is allocated. */
  checkRoomForCells(added: number): void {
    if (added > 0 && this.cellCount() + added > MAX_CELLS_PER_SPREADSHEET) {
      throw new WorkbookError(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS_PER_SPREADSHEET} cells.`,
      );
    }
  }

  private sheetOf(data: SheetData): Sheet {
    return new Sheet(data, (added) => this.checkRoomForCells(added));
  }

  sheets(): Sheet[] {
    return this.data.sheets.map((data) => this.sheetOf(data));
  }

  sheetById(sheetId: number): Sheet {
    const data = this.data.sheets.find((sheet) => sheet.properties.sheetId === sheetId);
    if (data === undefined) throw new WorkbookError(`No grid with id: ${sheetId}`);
    return this.sheetOf(data);
  }

  findSheetById(sheetId: number): Sheet | undefined {
    const data = this.data.sheets.find((sheet) => sheet.properties.sheetId === sheetId);
    return data === undefined ? undefined : this.sheetOf(data);
  }

  /** Exact title first, then case-insensitive, as Google resolves A1 sheet names. */
  findSheetByTitle(title: string): Sheet | undefined {
    const data =
      this.data.sheets.find((sheet) => sheet.properties.title === title) ??
      this.data.sheets.find((sheet) => sheet.properties.title.toLowerCase() === title.toLowerCase());
    return data === undefined ? undefined : this.sheetOf(data);
  }

  private reindex(): void {
    this.data.sheets.forEach((sheet, index) => {
      sheet.properties.index = index;
    });
  }

  private checkTitle(title: string, exceptSheetId?: number): void {
    if (title.trim() === '') throw new WorkbookError('The sheet name cannot be empty.');
    const clash = this.data.sheets.find(
      (sheet) =>
        sheet.properties.title.toLowerCase() === title.toLowerCase() &&
        sheet.properties.sheetId !== exceptSheetId,
    );
    if (clash) {
      throw new WorkbookError(`A sheet with the name "${title}" already exists. Please enter another name.`);
    }
  }

  addSheet(spec: NewSheet = {}): Sheet {
    let title = spec.title;
    if (title === undefined) {
      let n = this.data.sheets.length + 1;
      while (this.findSheetByTitle(`Sheet${n}`)) n += 1;
      title = `Sheet${n}`;
    }
    this.checkTitle(title);
    let sheetId: number;
    if (spec.sheetId !== undefined) {
      if (spec.sheetId < 0)
        throw new WorkbookError(`Invalid sheetId ${spec.sheetId}: it must not be negative.`);
      if (this.findSheetById(spec.sheetId)) {
        throw new WorkbookError(`Invalid addSheet: a sheet with id ${spec.sheetId} already exists.`);
      }
      sheetId = spec.sheetId;
      this.reserveId(sheetId);
    } else {
      // Google gives the first sheet id 0; later ones other numbers.
      sheetId = this.data.sheets.length === 0 && !this.findSheetById(0) ? 0 : this.takeId();
    }
    const rowCount = spec.rowCount ?? DEFAULT_ROW_COUNT;
    const columnCount = spec.columnCount ?? DEFAULT_COLUMN_COUNT;
    if (rowCount < 1 || columnCount < 1) {
      throw new WorkbookError('Invalid gridProperties: a sheet needs at least one row and one column.');
    }
    checkColumnCount(columnCount);
    this.checkRoomForCells(rowCount * columnCount);
    const index = spec.index ?? this.data.sheets.length;
    if (index < 0 || index > this.data.sheets.length) {
      throw new WorkbookError(`Invalid index ${index}: must be between 0 and ${this.data.sheets.length}.`);
    }
    const data = newSheetData({ sheetId, title, index, rowCount, columnCount }, spec);
    this.data.sheets.splice(index, 0, data);
    this.reindex();
    return this.sheetOf(data);
  }

  deleteSheet(sheetId: number): void {
    this.sheetById(sheetId);
    if (this.data.sheets.length === 1)
      throw new WorkbookError("You can't remove all the sheets in a document.");
    this.data.sheets = this.data.sheets.filter((sheet) => sheet.properties.sheetId !== sheetId);
    this.reindex();
  }

  renameSheet(sheetId: number, title: string): void {
    this.checkTitle(title, sheetId);
    this.sheetById(sheetId).data.properties.title = title;
  }

  moveSheet(sheetId: number, index: number): void {
    const sheet = this.sheetById(sheetId).data;
    if (index < 0 || index > this.data.sheets.length) {
      throw new WorkbookError(`Invalid index ${index}: must be between 0 and ${this.data.sheets.length}.`);
    }
    const from = this.data.sheets.indexOf(sheet);
    this.data.sheets.splice(from, 1);
    // Like the API: the index is counted before the sheet is removed.
    this.data.sheets.splice(index > from ? index - 1 : index, 0, sheet);
    this.reindex();
  }

  setFrozen(sheetId: number, frozenRowCount: number, frozenColumnCount: number): void {
    const sheet = this.sheetById(sheetId);
    if (
      frozenRowCount < 0 ||
      frozenRowCount > sheet.rowCount ||
      frozenColumnCount < 0 ||
      frozenColumnCount > sheet.columnCount
    ) {
      throw new WorkbookError(
        `Invalid frozen rows/columns for sheet "${sheet.title}": ${frozenRowCount} rows, ${frozenColumnCount} columns.`,
      );
    }
    sheet.data.properties.gridProperties.frozenRowCount = frozenRowCount;
    sheet.data.properties.gridProperties.frozenColumnCount = frozenColumnCount;
  }

  // ---- developer metadata ----

  /** Every metadata record with its CURRENT location (after any moves). */
  allMetadata(): LocatedMetadata[] {
    return locatedMetadata(this.data.metadata, this.sheets());
  }

  findMetadata(query: MetadataQuery): LocatedMetadata[] {
    return this.allMetadata().filter((metadata) => matchesMetadataQuery(metadata, query));
  }

  metadataById(metadataId: number): LocatedMetadata | undefined {
    return this.findMetadata({ metadataId })[0];
  }

  private holders(anchor: MetadataAnchor): StoredMetadata[][] {
    if (anchor.kind === 'spreadsheet') return [this.data.metadata];
    const sheet = this.sheetById(anchor.sheetId);
    if (anchor.kind === 'sheet') return [sheet.data.metadata];
    sheet.checkDimensionSpan(anchor.dimension, anchor.startIndex, anchor.endIndex);
    if (anchor.endIndex <= anchor.startIndex) {
      throw new WorkbookError('Invalid metadata location: the dimension range is empty.');
    }
    const holders: StoredMetadata[][] = [];
    for (let index = anchor.startIndex; index < anchor.endIndex; index++) {
      holders.push(sheet.dimensionEntry(anchor.dimension, index).metadata);
    }
    return holders;
  }

  createMetadata(
    anchor: MetadataAnchor,
    fields: {
      metadataKey: string;
      metadataValue?: string;
      visibility: MetadataVisibility;
      metadataId?: number;
      /** The creating caller's Cloud project: kept for PROJECT visibility. */
      project?: string;
    },
  ): LocatedMetadata {
    if (fields.metadataKey === '')
      throw new WorkbookError('Developer metadata must have a non-empty metadataKey.');
    let metadataId: number;
    if (fields.metadataId !== undefined) {
      if (fields.metadataId <= 0)
        throw new WorkbookError(`Invalid metadataId ${fields.metadataId}: it must be positive.`);
      if (this.metadataById(fields.metadataId)) {
        throw new WorkbookError(`Developer metadata with id ${fields.metadataId} already exists.`);
      }
      metadataId = fields.metadataId;
      this.reserveId(metadataId);
    } else {
      metadataId = this.takeId();
    }
    const stored: StoredMetadata = {
      metadataId,
      metadataKey: fields.metadataKey,
      visibility: fields.visibility,
    };
    if (fields.metadataValue !== undefined) stored.metadataValue = fields.metadataValue;
    if (fields.visibility === 'PROJECT' && fields.project !== undefined) stored.project = fields.project;
    for (const holder of this.holders(anchor)) holder.push({ ...stored });
    const created = this.metadataById(metadataId);
    if (created === undefined) throw new Error(`metadata ${metadataId} vanished right after being created`);
    return created;
  }

  private forEachStored(metadataId: number, visit: (holder: StoredMetadata[], index: number) => void): void {
    for (const holder of storedMetadataHolders(this.data)) {
      for (let index = holder.length - 1; index >= 0; index--) {
        if (holder[index]?.metadataId === metadataId) visit(holder, index);
      }
    }
  }

  updateMetadata(
    metadataId: number,
    change: {
      metadataKey?: string;
      metadataValue?: string | null;
      visibility?: MetadataVisibility;
      location?: MetadataAnchor;
      /** The changing caller's Cloud project: it owns the metadata if this makes it PROJECT-visible. */
      project?: string;
    },
  ): LocatedMetadata {
    const current = this.metadataById(metadataId);
    if (current === undefined)
      throw new WorkbookError(`No developer metadata with id ${metadataId}.`, 'notFound');
    const next: StoredMetadata = {
      metadataId,
      metadataKey: change.metadataKey ?? current.metadataKey,
      visibility: change.visibility ?? current.visibility,
    };
    if (next.metadataKey === '')
      throw new WorkbookError('Developer metadata must have a non-empty metadataKey.');
    const value =
      change.metadataValue === undefined ? current.metadataValue : (change.metadataValue ?? undefined);
    if (value !== undefined) next.metadataValue = value;
    const project = current.visibility === 'PROJECT' ? current.project : change.project;
    if (next.visibility === 'PROJECT' && project !== undefined) next.project = project;
    if (change.location !== undefined) {
      const holders = this.holders(change.location);
      this.deleteMetadata(metadataId);
      for (const holder of holders) holder.push({ ...next });
    } else {
      this.forEachStored(metadataId, (holder, index) => {
        holder[index] = { ...next };
      });
    }
    const updated = this.metadataById(metadataId);
    if (updated === undefined) throw new Error(`metadata ${metadataId} vanished while being updated`);
    return updated;
  }

  deleteMetadata(metadataId: number): void {
    this.forEachStored(metadataId, (holder, index) => {
      holder.splice(index, 1);
    });
  }

  // ---- protected ranges ----

  protectedRanges(): ProtectedRangeData[] {
    return this.data.sheets.flatMap((sheet) => structuredClone(sheet.protectedRanges));
  }

  private checkProtectedRange(range: GridRange): Sheet {
    const sheet = this.sheetById(range.sheetId ?? 0);
    sheet.checkRect(sheet.rectWithin(boundsOfGridRange(range)));
    return sheet;
  }

  /**
   * As on Google, the requesting user and the owner are always editors of what they protect, so
   * protecting a range never locks out whoever protected it.
   */
  addProtectedRange(
    spec: Omit<ProtectedRangeData, 'protectedRangeId'> & { protectedRangeId?: number },
    requester: string,
  ): ProtectedRangeData {
    const sheet = this.checkProtectedRange(spec.range);
    for (const inner of spec.unprotectedRanges ?? []) this.checkProtectedRange(inner);
    checkProtectionRules(sheet, spec.range, spec.unprotectedRanges);
    let protectedRangeId: number;
    if (spec.protectedRangeId !== undefined) {
      if (this.protectedRanges().some((range) => range.protectedRangeId === spec.protectedRangeId)) {
        throw new WorkbookError(`A protected range with id ${spec.protectedRangeId} already exists.`);
      }
      protectedRangeId = spec.protectedRangeId;
      this.reserveId(protectedRangeId);
    } else {
      protectedRangeId = this.takeId();
    }
    const users = [
      ...new Set([this.owner, requester, ...spec.editors.users].map((user) => user.toLowerCase())),
    ];
    const data: ProtectedRangeData = {
      protectedRangeId,
      range: { ...spec.range, sheetId: sheet.sheetId },
      warningOnly: spec.warningOnly,
      editors: { users: spec.warningOnly ? [] : users },
    };
    if (spec.description !== undefined) data.description = spec.description;
    if (spec.unprotectedRanges !== undefined)
      data.unprotectedRanges = structuredClone(spec.unprotectedRanges);
    sheet.data.protectedRanges.push(data);
    return structuredClone(data);
  }

  private protectedRangeLocation(protectedRangeId: number): { sheet: SheetData; index: number } {
    for (const sheet of this.data.sheets) {
      const index = sheet.protectedRanges.findIndex((range) => range.protectedRangeId === protectedRangeId);
      if (index >= 0) return { sheet, index };
    }
    throw new WorkbookError(`No protected range with id: ${protectedRangeId}`);
  }

  /** Replaces the stored range with `next` (already merged by the caller's field mask). */
  replaceProtectedRange(next: ProtectedRangeData): ProtectedRangeData {
    const { sheet, index } = this.protectedRangeLocation(next.protectedRangeId);
    const target = this.checkProtectedRange(next.range);
    for (const inner of next.unprotectedRanges ?? []) this.checkProtectedRange(inner);
    checkProtectionRules(target, next.range, next.unprotectedRanges, next.protectedRangeId);
    const stored: ProtectedRangeData = structuredClone({
      ...next,
      range: { ...next.range, sheetId: target.sheetId },
      editors: { users: [...new Set(next.editors.users.map((user) => user.toLowerCase()))] },
    });
    sheet.protectedRanges.splice(index, 1);
    target.data.protectedRanges.push(stored);
    return structuredClone(stored);
  }

  deleteProtectedRange(protectedRangeId: number): void {
    const { sheet, index } = this.protectedRangeLocation(protectedRangeId);
    sheet.protectedRanges.splice(index, 1);
  }

  protectedRangeById(protectedRangeId: number): ProtectedRangeData {
    const { sheet, index } = this.protectedRangeLocation(protectedRangeId);
    return structuredClone(sheet.protectedRanges[index] as ProtectedRangeData);
  }

  /** The owner always may; anyone else must be an editor of every protected range over the cell. */
  canEdit(email: string, sheetId: number, row: number, column: number): boolean {
    return canEditCell(this.data, email, sheetId, row, column);
  }
}
