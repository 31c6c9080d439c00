import { ANCHOR_KEYS } from '../../../functions/sheets/layout/anchors';
import { readRowIdentities } from '../../../functions/sheets/layout/row-identity';
import type { TabSnapshot } from '../../../functions/sheets/layout/sheet-snapshot';

/** Column 0 holds the key cells; rows 1.. as given, each with the entry anchors listed. */
function tab(rows: { key: string; anchors: string[] }[]): TabSnapshot {
  let id = 100;
  return {
    sheetId: 3,
    title: 'Metrics',
    rowCount: rows.length + 1,
    columnCount: 2,
    frozenRowCount: 1,
    rowAnchors: rows.flatMap((row, index) =>
      row.anchors.map((value) => ({ metadataId: id++, key: ANCHOR_KEYS.entryRow, value, index: index + 1 })),
    ),
    columnAnchors: [],
    cells: [['Row key', 'P1 (M01–M06)'], ...rows.map((row) => [row.key, ''])],
    paints: new Map(),
    protectedRanges: [],
  };
}

const setValue = (metadataId: number, value: string) => ({
  updateDeveloperMetadata: {
    dataFilters: [{ developerMetadataLookup: { metadataId } }],
    developerMetadata: { metadataValue: value },
    fields: 'metadataValue',
  },
});

describe('a Metrics row is known by its key cell', () => {
  it('changes nothing when every row carries the anchor of its key', () => {
    const found = readRowIdentities(
      tab([
        { key: 'a/x', anchors: ['a/x'] },
        { key: 'b/y', anchors: ['b/y'] },
      ]),
      0,
    );
    expect([...found.rows]).toEqual([
      ['a/x', 1],
      ['b/y', 2],
    ]);
    expect(found.metadataRequests).toEqual([]);
    expect(found.moved).toEqual([]);
  });

  it('believes the cells over swapped anchors, sets each anchor to its key and reports both rows', () => {
    const found = readRowIdentities(
      tab([
        { key: 'a/x', anchors: ['b/y'] },
        { key: 'b/y', anchors: ['a/x'] },
      ]),
      0,
    );
    expect(found.rows.get('a/x')).toBe(1);
    expect(found.metadataRequests).toEqual([setValue(100, 'a/x'), setValue(101, 'b/y')]);
    expect(found.moved).toEqual([
      { key: 'a/x', from: 2, to: 1 },
      { key: 'b/y', from: 1, to: 2 },
    ]);
  });

  it('takes metadata only for a row whose key cell is empty, and drops anchors on rows that name nothing', () => {
    const found = readRowIdentities(
      tab([
        { key: '', anchors: ['a/x'] },
        { key: 'b/y', anchors: ['b/y', 'c/z'] },
        { key: 'not a key', anchors: ['b/y'] },
      ]),
      0,
    );
    expect([...found.rows]).toEqual([
      ['b/y', 2],
      ['a/x', 1],
    ]);
    expect(found.metadataRequests).toEqual([
      { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: 102 } } } },
      { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: 103 } } } },
    ]);
    expect(found.unanchored).toEqual([]);
  });

  it('lists rows with a key and no anchor, to anchor once new rows are in', () => {
    expect(readRowIdentities(tab([{ key: 'a/x', anchors: [] }]), 0).unanchored).toEqual([
      { key: 'a/x', row: 1 },
    ]);
  });
});
