import type { MetadataAnchor, MetadataQuery } from '../../workbook';
import type { MetadataView, RangeRef } from '../host-views';
import { rangeRefOf } from '../range-ref';
import type { MetadataScope, MetadataSearch } from '../services/developer-metadata';
import { type GoogleLike, type ScriptContext, strict } from './script-context';

type MetadataLocationType = NonNullable<MetadataQuery['locationType']>;

export const addMetadata = (
  ctx: ScriptContext,
  anchor: MetadataAnchor,
  key: string,
  value?: string,
  visibility?: string,
) => {
  let text: string | null = null;
  let scope = 'DOCUMENT';
  // addDeveloperMetadata(key, visibility) is one of its overloads.
  if (value === 'DOCUMENT' || value === 'PROJECT') scope = value;
  else if (value !== undefined) text = String(value);
  if (visibility !== undefined) scope = String(visibility);
  // Passed on unchecked, as before: the workbook stores whatever visibility it is given.
  ctx.call('metadata.add', anchor, String(key), text, scope as 'DOCUMENT' | 'PROJECT');
};

export const locationFacade = (ctx: ScriptContext, view: MetadataView) => {
  const location = view.location;
  const spanRange = (): RangeRef | undefined => {
    if (location.kind !== 'dimension') return undefined;
    const info = ctx.call('sheet.info', location.sheetId);
    const [startRow, endRow, startColumn, endColumn] =
      location.dimension === 'ROWS'
        ? [location.startIndex, location.endIndex, 0, info.maxColumns]
        : [0, info.maxRows, location.startIndex, location.endIndex];
    return rangeRefOf(location.sheetId, {
      sheetId: location.sheetId,
      startRow,
      endRow,
      startColumn,
      endColumn,
    });
  };
  return strict(ctx.services, 'DeveloperMetadataLocation', {
    getLocationType: () =>
      location.kind === 'spreadsheet'
        ? 'SPREADSHEET'
        : location.kind === 'sheet'
          ? 'SHEET'
          : location.dimension === 'ROWS'
            ? 'ROW'
            : 'COLUMN',
    getSpreadsheet: () => (location.kind === 'spreadsheet' ? ctx.facades.spreadsheetFacade() : null),
    getSheet: () => (location.kind === 'sheet' ? ctx.facades.sheetFacade(location.sheetId) : null),
    getRow: () => {
      const span = spanRange();
      return span !== undefined && location.kind === 'dimension' && location.dimension === 'ROWS'
        ? ctx.facades.rangeFacade(span)
        : null;
    },
    getColumn: () => {
      const span = spanRange();
      return span !== undefined && location.kind === 'dimension' && location.dimension === 'COLUMNS'
        ? ctx.facades.rangeFacade(span)
        : null;
    },
  });
};

/** One DeveloperMetadata found by a finder; its location is read again when asked. */
export const metadataFacade = (ctx: ScriptContext, view: MetadataView): GoogleLike => {
  const self: GoogleLike = strict(ctx.services, 'DeveloperMetadata', {
    getId: () => view.id,
    getKey: () => view.key,
    getValue: () => view.value,
    getVisibility: () => view.visibility,
    // Read again: sorting or moving rows since the search moves the metadata with them.
    getLocation: () => locationFacade(ctx, ctx.call('metadata.get', view.id)),
    setKey: (key: string) => {
      ctx.call('metadata.update', view.id, { key });
      view.key = key;
      return self;
    },
    setValue: (value: string) => {
      ctx.call('metadata.update', view.id, { value });
      view.value = value;
      return self;
    },
    setVisibility: (visibility: 'DOCUMENT' | 'PROJECT') => {
      ctx.call('metadata.update', view.id, { visibility });
      view.visibility = visibility;
      return self;
    },
    remove: () => {
      ctx.call('metadata.remove', view.id);
    },
    toString: () => 'DeveloperMetadata',
  });
  return self;
};

/** A DeveloperMetadataFinder over a spreadsheet, a sheet or a range. */
export const finder = (ctx: ScriptContext, scope: MetadataScope) => {
  const query: MetadataSearch = {};
  const self: GoogleLike = strict(ctx.services, 'DeveloperMetadataFinder', {
    withKey: (key: string) => {
      query.key = String(key);
      return self;
    },
    withValue: (value: string) => {
      query.value = String(value);
      return self;
    },
    withId: (id: number) => {
      query.id = Number(id);
      return self;
    },
    withLocationType: (type: string) => {
      // Passed on unchecked, as before: an unknown type matches no metadata.
      query.locationType = String(type) as MetadataLocationType;
      return self;
    },
    onIntersectingLocations: () => {
      query.intersecting = true;
      return self;
    },
    find: () => ctx.call('metadata.find', scope, query).map((item) => metadataFacade(ctx, item)),
  });
  return self as GoogleLike & { withLocationType(type: string): GoogleLike & { find(): GoogleLike[] } };
};
