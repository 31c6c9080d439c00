import type { sheets_v4 } from '@googleapis/sheets';
import { type LocatedMetadata, locationTypeOf, metadataVisibleTo, type Spreadsheet } from '../workbook';
import { invalidArgument, notImplemented } from './sheets-api-error';

/**
 * Which metadata a DataFilter's developerMetadataLookup selects. Only the lookup form is
 * implemented (a1Range and gridRange filters are refused by the request shapes).
 */
export function metadataMatching(
  spreadsheet: Spreadsheet,
  filter: sheets_v4.Schema$DataFilter,
  at: string,
  /** The caller's project: PROJECT metadata of other projects is never matched. */
  project: string,
): LocatedMetadata[] {
  const lookup = filter.developerMetadataLookup;
  if (lookup === undefined || lookup === null) {
    throw notImplemented(`A data filter without developerMetadataLookup (at '${at}')`);
  }
  const strategy = lookup.locationMatchingStrategy ?? 'EXACT_LOCATION';
  if (strategy !== 'EXACT_LOCATION' && strategy !== 'INTERSECTING_LOCATION') {
    throw invalidArgument(
      `Invalid value at '${at}.developerMetadataLookup.locationMatchingStrategy': "${strategy}".`,
    );
  }
  const location = lookup.metadataLocation;
  return spreadsheet.allMetadata().filter((metadata) => {
    if (!metadataVisibleTo(metadata, project)) return false;
    if (lookup.metadataId != null && metadata.metadataId !== lookup.metadataId) return false;
    if (lookup.metadataKey != null && metadata.metadataKey !== lookup.metadataKey) return false;
    if (lookup.metadataValue != null && metadata.metadataValue !== lookup.metadataValue) return false;
    if (lookup.visibility != null && metadata.visibility !== lookup.visibility) return false;
    if (lookup.locationType != null && locationTypeOf(metadata.location) !== lookup.locationType)
      return false;
    if (location == null) return true;
    const where = metadata.location;
    if (location.locationType != null && locationTypeOf(where) !== location.locationType) return false;
    if (location.spreadsheet) return strategy === 'INTERSECTING_LOCATION' || where.kind === 'spreadsheet';
    if (location.sheetId != null) {
      if (where.kind === 'spreadsheet' || where.sheetId !== location.sheetId) return false;
      return strategy === 'INTERSECTING_LOCATION' || where.kind === 'sheet';
    }
    const range = location.dimensionRange;
    if (range != null) {
      if (
        where.kind !== 'dimension' ||
        where.sheetId !== (range.sheetId ?? 0) ||
        where.dimension !== range.dimension
      ) {
        return false;
      }
      const start = range.startIndex ?? 0;
      const end = range.endIndex ?? Number.POSITIVE_INFINITY;
      return strategy === 'EXACT_LOCATION'
        ? where.startIndex === start && where.endIndex === end
        : where.startIndex < end && start < where.endIndex;
    }
    return true;
  });
}
