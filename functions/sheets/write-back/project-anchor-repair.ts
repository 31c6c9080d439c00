import type { sheets_v4 } from '@googleapis/sheets';
import { ANCHOR_KEYS } from '../layout/anchors';
import { projectAnchor } from '../layout/setup-plan';
import type { Request } from '../layout/sheet-requests';

export interface AnchorRepair {
  requests: Request[];
  /** A sentence for the write-back's answer, or none when the anchor was right (or absent). */
  repaired: string[];
}

/**
 * The binding in DynamoDB says which project a spreadsheet belongs to; the project anchor (developer
 * metadata any editor can rewrite) only locates it. An anchor naming another project is therefore
 * replaced by the bound project's and reported, never obeyed. A spreadsheet without one is left to
 * the setup, which adds it.
 */
export function repairProjectAnchor(
  spreadsheet: sheets_v4.Schema$Spreadsheet,
  projectId: string,
): AnchorRepair {
  const anchors = (spreadsheet.developerMetadata ?? []).filter(
    (metadata) => metadata.metadataKey === ANCHOR_KEYS.project && typeof metadata.metadataId === 'number',
  );
  const foreign = anchors.filter((anchor) => anchor.metadataValue !== projectId);
  if (foreign.length === 0) return { requests: [], repaired: [] };
  const requests: Request[] = foreign.map((anchor) => ({
    deleteDeveloperMetadata: {
      dataFilter: { developerMetadataLookup: { metadataId: anchor.metadataId as number } },
    },
  }));
  if (foreign.length === anchors.length) requests.push(projectAnchor(projectId));
  const found = foreign.map((anchor) => JSON.stringify(anchor.metadataValue ?? '')).join(', ');
  return {
    requests,
    repaired: [
      `The spreadsheet's project anchor said ${found}, not "${projectId}" (someone with edit access changed it): it was reset to "${projectId}", the project this spreadsheet is bound to`,
    ],
  };
}
