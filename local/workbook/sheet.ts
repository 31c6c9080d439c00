import { formatA1 } from './a1-notation';
import { type Cell, isEmptyCell, type UserEnteredValue } from './cell';
import type { Dimension } from './developer-metadata';
import { dimensionMetadataOf, type LocatedDimensionMetadata } from './dimension-metadata';
import { emptyColumn, emptyRow } from './empty-dimension';
import {
  type GridRect,
  type RectBounds,
  shiftForDelete,
  shiftForInsert,
  shiftForPermutation,
} from './grid-range';
import { insertInheriting } from './inserted-dimension';
import { checkCellTextLength, checkColumnCount } from './sheet-limits';
import { type SortSpec, sortCellsOfRows } from './sort-rows';
import type { ColumnData, RowData, SheetData } from './workbook-data';
import { WorkbookError } from './workbook-error';

export { emptyColumn, emptyRow } from './empty-dimension';
export {
  checkColumnCount,
  DEFAULT_COLUMN_COUNT,
  DEFAULT_ROW_COUNT,
  MAX_CELL_CHARACTERS,
  MAX_COLUMNS_PER_SHEET,
} from './sheet-limits';
export type { SortSpec } from './sort-rows';

/**
 * One tab: a grid of row objects, each carrying its cells and its developer metadata, so every
 * structural change (insert, delete, move) carries metadata, notes and formats with the row; a sort
 * moves cells only (see sortRows).
 * A view over SheetData: it holds no state of its own.
 */
export class Sheet {
  /** `makeRoom(cells)` throws when the spreadsheet cannot grow by that many cells (Google's limit). */
  constructor(
    readonly data: SheetData,
    private readonly makeRoom: (addedCells: number) => void = () => {},
  ) {}

  private checkGrowth(dimension: Dimension, count: number): void {
    if (dimension === 'COLUMNS') checkColumnCount(this.columnCount + count);
    this.makeRoom(count * (dimension === 'ROWS' ? this.columnCount : this.rowCount));
  }

  get sheetId(): number {
    return this.data.properties.sheetId;
  }
  get title(): string {
    return this.data.properties.title;
  }
  get rowCount(): number {
    return this.data.properties.gridProperties.rowCount;
  }
  get columnCount(): number {
    return this.data.properties.gridProperties.columnCount;
  }

  private dimensionCount(dimension: Dimension): number {
    return dimension === 'ROWS' ? this.rowCount : this.columnCount;
  }

  /** Google's wording: the range is named in A1 and the grid's limits given. */
  checkRect(rect: GridRect): void {
    if (
      rect.startRow < 0 ||
      rect.startColumn < 0 ||
      rect.endRow < rect.startRow ||
      rect.endColumn < rect.startColumn
    ) {
      throw new WorkbookError(`Invalid range: start index after end index in sheet ${this.sheetId}.`);
    }
    if (rect.endRow > this.rowCount || rect.endColumn > this.columnCount) {
      const shown = formatA1(this.title, {
        ...rect,
        endRow: Math.max(rect.endRow, rect.startRow + 1),
        endColumn: Math.max(rect.endColumn, rect.startColumn + 1),
      });
      throw new WorkbookError(
        `Range (${shown}) exceeds grid limits. Max rows: ${this.rowCount}, max columns: ${this.columnCount}`,
      );
    }
  }

  checkDimensionSpan(dimension: Dimension, start: number, end: number): void {
    const count = this.dimensionCount(dimension);
    if (start < 0 || end < start) {
      throw new WorkbookError(`Invalid dimension range: startIndex ${start}, endIndex ${end}.`);
    }
    if (end > count) {
      throw new WorkbookError(
        `Invalid dimension range: endIndex ${end} is past the last ${dimension === 'ROWS' ? 'row' : 'column'} of sheet "${this.title}" (${count}).`,
      );
    }
  }

  /** The rectangle these bounds name on this sheet, open sides reaching its edges (not checked). */
  rectWithin(bounds: RectBounds): GridRect {
    return {
      sheetId: this.sheetId,
      startRow: bounds.startRow ?? 0,
      endRow: bounds.endRow ?? this.rowCount,
      startColumn: bounds.startColumn ?? 0,
      endColumn: bounds.endColumn ?? this.columnCount,
    };
  }

  fullRect(): GridRect {
    return {
      sheetId: this.sheetId,
      startRow: 0,
      endRow: this.rowCount,
      startColumn: 0,
      endColumn: this.columnCount,
    };
  }

  private row(index: number): RowData {
    const row = this.data.rows[index];
    if (row === undefined) {
      throw new WorkbookError(`Row ${index + 1} is outside sheet "${this.title}" (${this.rowCount} rows).`);
    }
    return row;
  }

  private checkCell(row: number, column: number): void {
    this.checkRect({
      sheetId: this.sheetId,
      startRow: row,
      endRow: row + 1,
      startColumn: column,
      endColumn: column + 1,
    });
  }

  /** A copy of the stored cell; `{}` when empty. */
  getCell(row: number, column: number): Cell {
    this.checkCell(row, column);
    return structuredClone(this.row(row).cells[column] ?? {});
  }

  setCell(row: number, column: number, cell: Cell): void {
    this.checkCell(row, column);
    checkCellTextLength(cell.userEnteredValue);
    const cells = this.row(row).cells;
    while (cells.length <= column) cells.push({});
    const stored: Cell = {};
    // Only defined fields: an explicit undefined would not survive JSON and would break comparisons.
    if (cell.userEnteredValue !== undefined) stored.userEnteredValue = structuredClone(cell.userEnteredValue);
    if (cell.userEnteredFormat !== undefined && Object.keys(cell.userEnteredFormat).length > 0) {
      stored.userEnteredFormat = structuredClone(cell.userEnteredFormat);
    }
    if (cell.note !== undefined && cell.note !== '') stored.note = cell.note;
    if (cell.dataValidation !== undefined) stored.dataValidation = structuredClone(cell.dataValidation);
    cells[column] = stored;
    while (cells.length > 0 && isEmptyCell(cells[cells.length - 1])) cells.pop();
  }

  updateCell(row: number, column: number, change: (cell: Cell) => Cell): void {
    this.setCell(row, column, change(this.getCell(row, column)));
  }

  getValue(row: number, column: number): UserEnteredValue | undefined {
    return this.getCell(row, column).userEnteredValue;
  }
  setValue(row: number, column: number, value: UserEnteredValue | undefined): void {
    this.updateCell(row, column, (cell) => ({ ...cell, userEnteredValue: value }));
  }
  getNote(row: number, column: number): string | undefined {
    return this.getCell(row, column).note;
  }
  setNote(row: number, column: number, note: string | undefined): void {
    this.updateCell(row, column, (cell) => ({ ...cell, note }));
  }
  getFormat(row: number, column: number): Cell['userEnteredFormat'] {
    return this.getCell(row, column).userEnteredFormat;
  }
  setFormat(row: number, column: number, format: Cell['userEnteredFormat']): void {
    this.updateCell(row, column, (cell) => ({ ...cell, userEnteredFormat: format }));
  }

  getValues(rect: GridRect): (UserEnteredValue | undefined)[][] {
    this.checkRect(rect);
    const values: (UserEnteredValue | undefined)[][] = [];
    for (let row = rect.startRow; row < rect.endRow; row++) {
      const line: (UserEnteredValue | undefined)[] = [];
      for (let column = rect.startColumn; column < rect.endColumn; column++) {
        line.push(structuredClone(this.row(row).cells[column]?.userEnteredValue));
      }
      values.push(line);
    }
    return values;
  }

  setValues(startRow: number, startColumn: number, values: (UserEnteredValue | undefined)[][]): void {
    const width = Math.max(0, ...values.map((line) => line.length));
    this.checkRect({
      sheetId: this.sheetId,
      startRow,
      endRow: startRow + values.length,
      startColumn,
      endColumn: startColumn + width,
    });
    values.forEach((line, r) => {
      line.forEach((value, c) => {
        this.setValue(startRow + r, startColumn + c, value);
      });
    });
  }

  /** Index of the last row holding any cell content, -1 when none. */
  lastRowWithData(): number {
    for (let index = this.data.rows.length - 1; index >= 0; index--) {
      if ((this.data.rows[index]?.cells.length ?? 0) > 0) return index;
    }
    return -1;
  }

  private setCount(dimension: Dimension, count: number): void {
    if (dimension === 'ROWS') this.data.properties.gridProperties.rowCount = count;
    else this.data.properties.gridProperties.columnCount = count;
  }

  private shiftProtections(
    change: (range: SheetData['protectedRanges'][number]['range']) => typeof range | undefined,
  ): void {
    this.data.protectedRanges = this.data.protectedRanges.flatMap((protection) => {
      const range = change(protection.range);
      if (range === undefined) return [];
      const unprotected = protection.unprotectedRanges?.flatMap((inner) => {
        const moved = change(inner);
        return moved === undefined ? [] : [moved];
      });
      return [
        { ...protection, range, ...(unprotected === undefined ? {} : { unprotectedRanges: unprotected }) },
      ];
    });
  }

  /**
   * New rows/columns inherit size and formats from the neighbour, as Google does; never metadata,
   * values or notes.
   */
  insertDimension(dimension: Dimension, start: number, count: number, inheritFromBefore = false): void {
    if (count <= 0)
      throw new WorkbookError('Invalid dimension range: the range must hold at least one row or column.');
    this.checkDimensionSpan(dimension, start, start);
    this.checkGrowth(dimension, count);
    if (inheritFromBefore && start === 0) {
      throw new WorkbookError(
        'Cannot inherit from before the first row or column (inheritFromBefore with startIndex 0).',
      );
    }
    const neighbourIndex = inheritFromBefore ? start - 1 : start;
    insertInheriting(this.data, dimension, start, count, neighbourIndex);
    this.setCount(dimension, this.dimensionCount(dimension) + count);
    this.shiftProtections((range) => shiftForInsert(range, dimension, start, count));
  }

  appendDimension(dimension: Dimension, count: number): void {
    if (count <= 0) throw new WorkbookError('Invalid appendDimension: length must be greater than 0.');
    this.checkGrowth(dimension, count);
    if (dimension === 'ROWS') {
      for (let i = 0; i < count; i++) this.data.rows.push(emptyRow());
    } else {
      for (let i = 0; i < count; i++) this.data.columns.push(emptyColumn());
    }
    this.setCount(dimension, this.dimensionCount(dimension) + count);
  }

  /** Deletes the rows/columns with everything anchored to them, metadata included. */
  deleteDimension(dimension: Dimension, start: number, end: number): void {
    this.checkDimensionSpan(dimension, start, end);
    const count = end - start;
    if (count === 0) return;
    if (count >= this.dimensionCount(dimension)) {
      throw new WorkbookError(
        `Invalid deleteDimension: you can't delete all the ${dimension === 'ROWS' ? 'rows' : 'columns'} on the sheet.`,
      );
    }
    if (dimension === 'ROWS') {
      this.data.rows.splice(start, count);
    } else {
      this.data.columns.splice(start, count);
      for (const row of this.data.rows) row.cells.splice(start, count);
    }
    this.setCount(dimension, this.dimensionCount(dimension) - count);
    this.shiftProtections((range) => shiftForDelete(range, dimension, start, end));
  }

  /** destinationIndex is counted before the source is removed, as in the API's moveDimension. */
  moveDimension(dimension: Dimension, start: number, end: number, destinationIndex: number): void {
    this.checkDimensionSpan(dimension, start, end);
    const total = this.dimensionCount(dimension);
    if (destinationIndex < 0 || destinationIndex > total) {
      throw new WorkbookError(
        `Invalid moveDimension: destinationIndex ${destinationIndex} is outside 0..${total}.`,
      );
    }
    if (destinationIndex > start && destinationIndex < end) {
      throw new WorkbookError('Invalid moveDimension: destinationIndex lies inside the source range.');
    }
    const order = Array.from({ length: total }, (_, i) => i);
    const moved = order.splice(start, end - start);
    const target = destinationIndex > start ? destinationIndex - moved.length : destinationIndex;
    order.splice(target, 0, ...moved);
    this.permute(dimension, order);
  }

  /** `order[newIndex] = oldIndex` over the whole dimension. */
  private permute(dimension: Dimension, order: number[]): void {
    if (dimension === 'ROWS') {
      const rows = this.data.rows;
      this.data.rows = order.map((old) => rows[old] ?? emptyRow());
    } else {
      const columns = this.data.columns;
      this.data.columns = order.map((old) => columns[old] ?? emptyColumn());
      for (const row of this.data.rows) {
        const cells = row.cells;
        row.cells = order.map((old) => cells[old] ?? {});
        while (row.cells.length > 0 && isEmptyCell(row.cells[row.cells.length - 1])) row.cells.pop();
      }
    }
    const newIndexOf = new Map(order.map((old, index) => [old, index]));
    this.shiftProtections((range) =>
      shiftForPermutation(range, dimension, (old) => newIndexOf.get(old) ?? old),
    );
  }

  /**
   * Sorts the rows of a rectangle as Google's sortRange does: the cells inside it move (values,
   * notes, formats), nothing else does. Developer metadata on rows and the A1 ranges of protected
   * ranges stay where they are: Google documents metadata following rows only when rows are
   * inserted, deleted or moved ("Developer metadata ... associated with a row or column ... moves
   * with it when rows or columns are inserted or deleted",
   * https://developers.google.com/sheets/api/guides/metadata), while sortRange "sorts data in rows
   * based on a sort order per column"
   * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#sortrangerequest):
   * data, not rows. Cells outside the rectangle and row sizes stay too.
   */
  sortRows(rect: GridRect, specs: SortSpec[]): void {
    this.checkRect(rect);
    if (specs.length === 0) throw new WorkbookError('Invalid sortRange: at least one sort spec is required.');
    for (const spec of specs) {
      if (spec.column < rect.startColumn || spec.column >= rect.endColumn) {
        throw new WorkbookError(`Invalid sortRange: sort column ${spec.column} is outside the range.`);
      }
    }
    sortCellsOfRows(this.data, rect, specs, (index) => this.row(index));
  }

  /** Shrinking drops the rows/columns past the new size, with their metadata. */
  resize(rowCount: number, columnCount: number): void {
    if (rowCount < 1 || columnCount < 1) {
      throw new WorkbookError('Invalid gridProperties: a sheet needs at least one row and one column.');
    }
    if (rowCount < this.rowCount) this.deleteDimension('ROWS', rowCount, this.rowCount);
    else if (rowCount > this.rowCount) this.appendDimension('ROWS', rowCount - this.rowCount);
    if (columnCount < this.columnCount) this.deleteDimension('COLUMNS', columnCount, this.columnCount);
    else if (columnCount > this.columnCount) this.appendDimension('COLUMNS', columnCount - this.columnCount);
  }

  dimensionEntry(dimension: Dimension, index: number): RowData | ColumnData {
    const entry = dimension === 'ROWS' ? this.data.rows[index] : this.data.columns[index];
    if (entry === undefined) {
      throw new WorkbookError(
        `Index ${index} is outside the ${dimension.toLowerCase()} of sheet "${this.title}".`,
      );
    }
    return entry;
  }

  setDimensionSize(dimension: Dimension, start: number, end: number, pixelSize: number | undefined): void {
    this.checkDimensionSpan(dimension, start, end);
    for (let index = start; index < end; index++) {
      const entry = this.dimensionEntry(dimension, index);
      if (pixelSize === undefined) delete entry.pixelSize;
      else entry.pixelSize = pixelSize;
    }
  }

  setDimensionHidden(dimension: Dimension, start: number, end: number, hidden: boolean | undefined): void {
    this.checkDimensionSpan(dimension, start, end);
    for (let index = start; index < end; index++) {
      const entry = this.dimensionEntry(dimension, index);
      if (!hidden) delete entry.hiddenByUser;
      else entry.hiddenByUser = true;
    }
  }

  /** Every metadata record on this sheet's rows or columns, with its current span. */
  dimensionMetadata(): LocatedDimensionMetadata[] {
    return dimensionMetadataOf(this.data);
  }
}
