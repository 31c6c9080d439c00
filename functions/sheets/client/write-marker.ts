import { randomInt, randomUUID } from 'node:crypto';
import type { sheets_v4 } from '@googleapis/sheets';

/**
 * A write marker: developer metadata created by the last request of every batchUpdate the functions
 * send. A batchUpdate is atomic, so the marker exists exactly when the batch was applied. After a
 * timeout, a reset or a 5xx the gateway looks for it before sending again, and because it is created
 * with a fixed metadataId, a batch that Google applies a second time anyway (a late first attempt)
 * is refused as a whole ("already exists") instead of writing twice.
 */
export const WRITE_MARKER_KEY = 'va-assess:write';

export interface WriteMarker {
  metadataId: number;
  /** A unique write id: a marker an editor placed under the same id would not carry it. */
  value: string;
}

/** metadataId: "must be positive" and is an int32 (Sheets API v4 DeveloperMetadata). */
export function newWriteMarker(): WriteMarker {
  return { metadataId: randomInt(1, 2 ** 31 - 1), value: randomUUID() };
}

/**
 * PROJECT visibility: only the service account's Cloud project can see or change it, so no editor of
 * the spreadsheet (nor the add-on) can remove it to make a write-back apply twice.
 */
export function createWriteMarker(marker: WriteMarker): sheets_v4.Schema$Request {
  return {
    createDeveloperMetadata: {
      developerMetadata: {
        metadataId: marker.metadataId,
        metadataKey: WRITE_MARKER_KEY,
        metadataValue: marker.value,
        visibility: 'PROJECT',
        location: { spreadsheet: true },
      },
    },
  };
}

/** Removes the markers of earlier write-backs (seen in this write-back's read), so they do not pile up. */
export function clearWriteMarkers(metadataIds: readonly number[]): sheets_v4.Schema$Request[] {
  return metadataIds.map((metadataId) => ({
    deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId } } },
  }));
}

/** The ids of the write markers on the spreadsheet, from a spreadsheets.get answer. */
export function writeMarkerIds(spreadsheet: sheets_v4.Schema$Spreadsheet): number[] {
  return (spreadsheet.developerMetadata ?? []).flatMap((metadata) =>
    metadata.metadataKey === WRITE_MARKER_KEY && typeof metadata.metadataId === 'number'
      ? [metadata.metadataId]
      : [],
  );
}

/** Whether a developerMetadata.search answer holds this very marker. */
export function markerFound(
  answer: sheets_v4.Schema$SearchDeveloperMetadataResponse,
  marker: WriteMarker,
): boolean {
  return (answer.matchedDeveloperMetadata ?? []).some(
    (match) =>
      match.developerMetadata?.metadataId === marker.metadataId &&
      match.developerMetadata?.metadataKey === WRITE_MARKER_KEY &&
      match.developerMetadata?.metadataValue === marker.value,
  );
}
