import type { LocatedMetadata, MetadataAnchor, MetadataVisibility } from './developer-metadata';

/** What a DataFilter's developerMetadataLookup may name; every field given must match. */
export interface MetadataQuery {
  metadataId?: number;
  metadataKey?: string;
  metadataValue?: string;
  locationType?: 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN';
  visibility?: MetadataVisibility;
}

export function locationTypeOf(anchor: MetadataAnchor): 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN' {
  if (anchor.kind === 'spreadsheet') return 'SPREADSHEET';
  if (anchor.kind === 'sheet') return 'SHEET';
  return anchor.dimension === 'ROWS' ? 'ROW' : 'COLUMN';
}

export function matchesMetadataQuery(metadata: LocatedMetadata, query: MetadataQuery): boolean {
  if (query.metadataId !== undefined && metadata.metadataId !== query.metadataId) return false;
  if (query.metadataKey !== undefined && metadata.metadataKey !== query.metadataKey) return false;
  if (query.metadataValue !== undefined && metadata.metadataValue !== query.metadataValue) return false;
  if (query.visibility !== undefined && metadata.visibility !== query.visibility) return false;
  if (query.locationType !== undefined && locationTypeOf(metadata.location) !== query.locationType)
    return false;
  return true;
}
