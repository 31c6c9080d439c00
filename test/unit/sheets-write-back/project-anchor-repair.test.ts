import { ANCHOR_KEYS } from '../../../functions/sheets/layout/anchors';
import { repairProjectAnchor } from '../../../functions/sheets/write-back/project-anchor-repair';

const anchor = (metadataId: number, metadataValue: string) => ({
  metadataId,
  metadataKey: ANCHOR_KEYS.project,
  metadataValue,
});

describe('repairProjectAnchor', () => {
  it('leaves a right anchor, and a spreadsheet without one (the setup adds it), alone', () => {
    expect(repairProjectAnchor({ developerMetadata: [anchor(1, 'imagine')] }, 'imagine')).toEqual({
      requests: [],
      repaired: [],
    });
    expect(repairProjectAnchor({}, 'imagine').requests).toEqual([]);
  });

  it('replaces an anchor naming another project by the bound one, and says so', () => {
    const repair = repairProjectAnchor({ developerMetadata: [anchor(7, 'other')] }, 'imagine');
    expect(repair.requests).toEqual([
      { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: 7 } } } },
      {
        createDeveloperMetadata: {
          developerMetadata: expect.objectContaining({
            metadataKey: ANCHOR_KEYS.project,
            metadataValue: 'imagine',
          }),
        },
      },
    ]);
    expect(repair.repaired).toEqual([expect.stringContaining('said "other", not "imagine"')]);
  });

  it('removes a second, foreign anchor beside the right one without adding another', () => {
    const repair = repairProjectAnchor(
      { developerMetadata: [anchor(1, 'imagine'), anchor(9, 'other')] },
      'imagine',
    );
    expect(repair.requests).toEqual([
      { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: 9 } } } },
    ]);
  });
});
