import type { LocatedMetadata, MetadataAnchor, MetadataQuery, Spreadsheet } from '../../workbook';
import type { Execution } from '../execution';
import type { MetadataView, RangeRef } from '../host-views';
import { gridRectOf } from '../range-ref';
import type { SpreadsheetAccess } from './spreadsheet-access';

/** Where a DeveloperMetadataFinder looks: the spreadsheet, one sheet, or one range. */
export type MetadataScope =
  | { kind: 'spreadsheet' }
  | { kind: 'sheet'; sheetId: number }
  | { kind: 'range'; range: RangeRef };

export interface MetadataSearch {
  key?: string;
  value?: string;
  locationType?: MetadataQuery['locationType'];
  id?: number;
  intersecting?: boolean;
}

/** The host's side of DeveloperMetadata and its finder. */
export function developerMetadataOperations(access: SpreadsheetAccess) {
  return {
    'metadata.find': (execution: Execution, scope: MetadataScope, query: MetadataSearch) => {
      const spreadsheet = access.spreadsheetFor(execution);
      const found = spreadsheet.findMetadata({
        ...(query.key === undefined ? {} : { metadataKey: query.key }),
        ...(query.value === undefined ? {} : { metadataValue: query.value }),
        ...(query.locationType === undefined ? {} : { locationType: query.locationType }),
        ...(query.id === undefined ? {} : { metadataId: query.id }),
      });
      return found
        .filter((metadata) => inScope(spreadsheet, metadata.location, scope, query.intersecting === true))
        .map(metadataView);
    },
    'metadata.get': (execution: Execution, id: number) => {
      const found = access.spreadsheetFor(execution).metadataById(id);
      if (found === undefined) throw new Error(`The developer metadata with id ${id} no longer exists.`);
      return metadataView(found);
    },
    'metadata.add': (
      execution: Execution,
      anchor: MetadataAnchor,
      key: string,
      value: string | null,
      visibility: 'DOCUMENT' | 'PROJECT',
    ) => {
      const spreadsheet = access.spreadsheetFor(execution);
      spreadsheet.createMetadata(anchor, {
        metadataKey: key,
        ...(value === null ? {} : { metadataValue: value }),
        visibility,
      });
      access.model.changed();
    },
    'metadata.update': (
      execution: Execution,
      id: number,
      change: { key?: string; value?: string | null; visibility?: 'DOCUMENT' | 'PROJECT' },
    ) => {
      const spreadsheet = access.spreadsheetFor(execution);
      spreadsheet.updateMetadata(id, {
        ...(change.key === undefined ? {} : { metadataKey: change.key }),
        ...(change.value === undefined ? {} : { metadataValue: change.value }),
        ...(change.visibility === undefined ? {} : { visibility: change.visibility }),
      });
      access.model.changed();
    },
    'metadata.remove': (execution: Execution, id: number) => {
      access.spreadsheetFor(execution).deleteMetadata(id);
      access.model.changed();
    },
  };
}

function metadataView(metadata: LocatedMetadata): MetadataView {
  return {
    id: metadata.metadataId,
    key: metadata.metadataKey,
    value: metadata.metadataValue ?? null,
    visibility: metadata.visibility,
    location: metadata.location,
  };
}

/**
 * Whether metadata belongs to a finder's scope: the spreadsheet holds all; a sheet holds what is on it
 * or its rows and columns; a range holds rows/columns wholly inside it (or crossing it, when asked).
 */
function inScope(
  spreadsheet: Spreadsheet,
  location: MetadataAnchor,
  scope: MetadataScope,
  intersecting: boolean,
): boolean {
  if (scope.kind === 'spreadsheet') return true;
  if (location.kind === 'spreadsheet') return false;
  if (scope.kind === 'sheet') return location.sheetId === scope.sheetId;
  const range = scope.range;
  if (location.sheetId !== range.sheetId) return false;
  if (location.kind === 'sheet') return false;
  const sheet = spreadsheet.sheetById(range.sheetId);
  const rect = gridRectOf(range);
  const [from, to, crossFrom, crossTo, crossCount] =
    location.dimension === 'ROWS'
      ? [rect.startRow, rect.endRow, rect.startColumn, rect.endColumn, sheet.columnCount]
      : [rect.startColumn, rect.endColumn, rect.startRow, rect.endRow, sheet.rowCount];
  if (intersecting) return location.startIndex < to && location.endIndex > from;
  return location.startIndex >= from && location.endIndex <= to && crossFrom === 0 && crossTo === crossCount;
}
