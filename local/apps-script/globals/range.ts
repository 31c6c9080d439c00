import type { MetadataAnchor } from '../../workbook';
import type { RangeRef } from '../host-views';
import { gridRectOf } from '../range-ref';
import { type GoogleLike, type ScriptContext, strict } from './script-context';
import { inContext } from './spreadsheet-app';

const fill = <T>(rows: number, columns: number, value: T): T[][] =>
  Array.from({ length: rows }, () => Array.from({ length: columns }, () => value));

/** A Range of SpreadsheetApp: a rectangle of one sheet, its cells read and written through the host. */
export const rangeFacade = (ctx: ScriptContext, ref: RangeRef): GoogleLike => {
  const self: GoogleLike = strict(ctx.services, 'Range', {
    ...rangePosition(ctx, ref),
    ...rangeCells(ctx, ref, () => self),
    ...rangeMetadata(ctx, ref, () => self),
    toString: () => 'Range',
  });
  return self;
};

/** Where the range is: answered from the range itself, without a call to the service. */
const rangePosition = (ctx: ScriptContext, ref: RangeRef) => ({
  getRow: () => ref.row,
  getRowIndex: () => ref.row,
  getColumn: () => ref.column,
  getNumRows: () => ref.numRows,
  getNumColumns: () => ref.numColumns,
  getLastRow: () => ref.row + ref.numRows - 1,
  getLastColumn: () => ref.column + ref.numColumns - 1,
  getGridId: () => ref.sheetId,
  getA1Notation: () => ctx.call('range.a1', ref),
  getSheet: () => ctx.facades.sheetFacade(ref.sheetId),
  getCell: (row: number, column: number) => {
    if (row < 1 || column < 1 || row > ref.numRows || column > ref.numColumns) {
      throw ctx.fail('Cell reference out of range');
    }
    return ctx.facades.rangeFacade({
      sheetId: ref.sheetId,
      row: ref.row + row - 1,
      column: ref.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  },
  offset: (rows: number, columns: number, numRows?: number, numColumns?: number) =>
    ctx.facades.rangeFacade(
      ctx.call('sheet.range', ref.sheetId, [
        ref.row + rows,
        ref.column + columns,
        numRows ?? ref.numRows,
        numColumns ?? ref.numColumns,
      ]),
    ),
});

const rangeCells = (ctx: ScriptContext, ref: RangeRef, self: () => GoogleLike) => {
  const cells = <T>(value: T) => fill(ref.numRows, ref.numColumns, value);
  const first = <T>(grid: T[][]): T => grid[0]?.[0] as T;
  return {
    getValues: () => inContext(ctx, ctx.call('range.values', ref)),
    getValue: () => first(inContext(ctx, ctx.call('range.values', { ...ref, numRows: 1, numColumns: 1 }))),
    getDisplayValues: () => ctx.call('range.displayValues', ref),
    getDisplayValue: () => first(ctx.call('range.displayValues', { ...ref, numRows: 1, numColumns: 1 })),
    setValues: (values: unknown[][]) => {
      ctx.call('range.setValues', ref, values);
      return self();
    },
    setValue: (value: unknown) => {
      ctx.call('range.setValues', ref, cells(value));
      return self();
    },
    // https://developers.google.com/apps-script/reference/spreadsheet/range#sortsortspecobj: a
    // column number, {column, ascending} or an array of them; columns counted from the sheet's A.
    sort: (sortSpecObj: unknown) => {
      const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((spec) => {
        if (typeof spec === 'number') return { column: spec, ascending: true };
        const given = spec as { column?: unknown; ascending?: unknown } | null;
        if (typeof given?.column !== 'number')
          throw ctx.fail('Range.sort: expected a column number or {column, ascending}');
        return { column: given.column, ascending: given.ascending !== false };
      });
      for (const spec of specs) {
        if (spec.column < ref.column || spec.column >= ref.column + ref.numColumns) {
          throw ctx.fail(`The sort column ${spec.column} is outside the range being sorted.`);
        }
      }
      ctx.call('range.sort', ref, specs);
      return self();
    },
    getBackgrounds: () => ctx.call('range.backgrounds', ref),
    getBackground: () => first(ctx.call('range.backgrounds', { ...ref, numRows: 1, numColumns: 1 })),
    setBackgrounds: (colours: (string | null)[][]) => {
      ctx.call('range.setBackgrounds', ref, colours);
      return self();
    },
    setBackground: (colour: string | null) => {
      ctx.call('range.setBackgrounds', ref, cells(colour));
      return self();
    },
    getNotes: () => ctx.call('range.notes', ref),
    getNote: () => first(ctx.call('range.notes', { ...ref, numRows: 1, numColumns: 1 })),
    setNotes: (notes: (string | null)[][]) => {
      ctx.call('range.setNotes', ref, notes);
      return self();
    },
    setNote: (note: string | null) => {
      ctx.call('range.setNotes', ref, cells(note));
      return self();
    },
    activate: () => {
      ctx.call('range.activate', ref);
      return self();
    },
  };
};

const rangeMetadata = (ctx: ScriptContext, ref: RangeRef, self: () => GoogleLike) => ({
  getDeveloperMetadata: () => ctx.facades.finder({ kind: 'range', range: ref }).find(),
  addDeveloperMetadata: (key: string, value?: string, visibility?: string) => {
    const info = ctx.call('sheet.info', ref.sheetId);
    const rect = gridRectOf(ref);
    let anchor: MetadataAnchor;
    if (ref.column === 1 && ref.numColumns === info.maxColumns) {
      anchor = {
        kind: 'dimension',
        sheetId: ref.sheetId,
        dimension: 'ROWS',
        startIndex: rect.startRow,
        endIndex: rect.endRow,
      };
    } else if (ref.row === 1 && ref.numRows === info.maxRows) {
      anchor = {
        kind: 'dimension',
        sheetId: ref.sheetId,
        dimension: 'COLUMNS',
        startIndex: rect.startColumn,
        endIndex: rect.endColumn,
      };
    } else {
      throw ctx.fail(
        'Adding developer metadata to arbitrary ranges is not supported. Metadata may only be added to entire rows or columns.',
      );
    }
    ctx.facades.addMetadata(anchor, key, value, visibility);
    return self();
  },
  createDeveloperMetadataFinder: () => ctx.facades.finder({ kind: 'range', range: ref }),
  protect: () =>
    ctx.facades.protectionFacade(ctx.call('protection.protect', { sheetId: ref.sheetId, range: ref })),
});
