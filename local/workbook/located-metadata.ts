import type { LocatedMetadata, StoredMetadata } from './developer-metadata';
import type { Sheet } from './sheet';
import type { SpreadsheetData } from './workbook-data';

/** Every metadata record with its CURRENT location (after any moves): copies, not the stored records. */
export function locatedMetadata(
  spreadsheetMetadata: readonly StoredMetadata[],
  sheets: readonly Sheet[],
): LocatedMetadata[] {
  const located: LocatedMetadata[] = spreadsheetMetadata.map((metadata) => ({
    ...structuredClone(metadata),
    location: { kind: 'spreadsheet' },
  }));
  for (const sheet of sheets) {
    for (const metadata of sheet.data.metadata) {
      located.push({ ...structuredClone(metadata), location: { kind: 'sheet', sheetId: sheet.sheetId } });
    }
    for (const { metadata, dimension, startIndex, endIndex } of sheet.dimensionMetadata()) {
      located.push({
        ...structuredClone(metadata),
        location: { kind: 'dimension', sheetId: sheet.sheetId, dimension, startIndex, endIndex },
      });
    }
  }
  return located;
}

/** Every list a metadata record may be stored in: the spreadsheet's, each sheet's, each row's and column's. */
export function storedMetadataHolders(data: SpreadsheetData): StoredMetadata[][] {
  const holders: StoredMetadata[][] = [data.metadata];
  for (const sheet of data.sheets) {
    holders.push(
      sheet.metadata,
      ...sheet.rows.map((row) => row.metadata),
      ...sheet.columns.map((c) => c.metadata),
    );
  }
  return holders;
}
