import type { Dimension, StoredMetadata } from './developer-metadata';
import type { ColumnData, RowData, SheetData } from './workbook-data';

/** A metadata record on rows or columns, with the span of rows or columns that carry it now. */
export interface LocatedDimensionMetadata {
  metadata: StoredMetadata;
  dimension: Dimension;
  startIndex: number;
  endIndex: number;
}

/** Every metadata record on a sheet's rows or columns, with its current span. */
export function dimensionMetadataOf(data: SheetData): LocatedDimensionMetadata[] {
  const found = new Map<number, LocatedDimensionMetadata>();
  const visit = (entries: (RowData | ColumnData)[], dimension: Dimension) => {
    entries.forEach((entry, index) => {
      for (const metadata of entry.metadata) {
        const known = found.get(metadata.metadataId);
        if (known === undefined)
          found.set(metadata.metadataId, { metadata, dimension, startIndex: index, endIndex: index + 1 });
        else known.endIndex = index + 1;
      }
    });
  };
  visit(data.rows, 'ROWS');
  visit(data.columns, 'COLUMNS');
  return [...found.values()];
}
