import type { sheets_v4 } from '@googleapis/sheets';

export type MetadataVisibility = 'DOCUMENT' | 'PROJECT';

/**
 * Metadata as stored where it is anchored (on the spreadsheet, a sheet, a row or a column object);
 * its location is derived from where it sits, so moving rows moves it, as on Google.
 * Metadata anchored to several rows is stored on each of them under the same id.
 */
export interface StoredMetadata {
  metadataId: number;
  metadataKey: string;
  metadataValue?: string;
  visibility: MetadataVisibility;
  /**
   * With PROJECT visibility, the Cloud project that made it so: "Project-visible metadata is only
   * visible to and accessible by the developer project that created the metadata"
   * (https://developers.google.com/sheets/api/guides/metadata#metadata_visibility). Never shown.
   */
  project?: string;
}

/** Whether a caller of `project` may see (read, search, match, change) this metadata. */
export const metadataVisibleTo = (metadata: StoredMetadata, project: string | undefined): boolean =>
  metadata.visibility === 'DOCUMENT' || (project !== undefined && metadata.project === project);

export type Dimension = 'ROWS' | 'COLUMNS';

/** Where metadata is (to be) anchored. */
export type MetadataAnchor =
  | { kind: 'spreadsheet' }
  | { kind: 'sheet'; sheetId: number }
  | { kind: 'dimension'; sheetId: number; dimension: Dimension; startIndex: number; endIndex: number };

export type LocatedMetadata = StoredMetadata & { location: MetadataAnchor };

/** The API's representation of located metadata. */
export function toApiMetadata(metadata: LocatedMetadata): sheets_v4.Schema$DeveloperMetadata {
  const { location, project: _hidden, ...stored } = metadata;
  return { ...stored, location: toApiLocation(location) };
}

export function toApiLocation(location: MetadataAnchor): sheets_v4.Schema$DeveloperMetadataLocation {
  switch (location.kind) {
    case 'spreadsheet':
      return { locationType: 'SPREADSHEET', spreadsheet: true };
    case 'sheet':
      return { locationType: 'SHEET', sheetId: location.sheetId };
    case 'dimension':
      return {
        locationType: location.dimension === 'ROWS' ? 'ROW' : 'COLUMN',
        dimensionRange: {
          sheetId: location.sheetId,
          dimension: location.dimension,
          startIndex: location.startIndex,
          endIndex: location.endIndex,
        },
      };
  }
}
