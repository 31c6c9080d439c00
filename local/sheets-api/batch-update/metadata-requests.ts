import type { sheets_v4 } from '@googleapis/sheets';
import { type MetadataVisibility, toApiMetadata } from '../../workbook';
import { metadataMatching } from '../data-filter';
import { applyFieldMask, checkMaskAgainstShape } from '../field-mask';
import { projectOfCaller } from '../local-access-token';
import { DEVELOPER_METADATA_SHAPE } from '../request-shapes';
import { anchorOf, invalid, type RequestContext, requireMask } from './request-context';

function visibilityOf(value: string | null | undefined): MetadataVisibility {
  if (value !== 'DOCUMENT' && value !== 'PROJECT') {
    throw invalid(
      `Developer metadata visibility must be DOCUMENT or PROJECT, found ${JSON.stringify(value ?? null)}.`,
    );
  }
  return value;
}

export function createDeveloperMetadata(
  request: sheets_v4.Schema$CreateDeveloperMetadataRequest,
  { spreadsheet, caller }: RequestContext,
): object {
  const given = request.developerMetadata;
  if (given == null) throw invalid('developerMetadata is required.');
  if (typeof given.metadataKey !== 'string' || given.metadataKey === '') {
    throw invalid('developerMetadata.metadataKey is required.');
  }
  const created = spreadsheet.createMetadata(anchorOf(spreadsheet, given.location), {
    metadataKey: given.metadataKey,
    visibility: visibilityOf(given.visibility),
    project: projectOfCaller(caller),
    ...(given.metadataValue != null ? { metadataValue: given.metadataValue } : {}),
    ...(given.metadataId != null ? { metadataId: given.metadataId } : {}),
  });
  return { developerMetadata: toApiMetadata(created) };
}

export function updateDeveloperMetadata(
  request: sheets_v4.Schema$UpdateDeveloperMetadataRequest,
  { spreadsheet, caller }: RequestContext,
): object {
  const mask = requireMask(request.fields);
  checkMaskAgainstShape(mask, DEVELOPER_METADATA_SHAPE, 'updateDeveloperMetadata.fields');
  const filters = request.dataFilters ?? [];
  if (filters.length === 0) throw invalid('At least one data filter is required.');
  const given = request.developerMetadata ?? {};
  const matched = new Map(
    filters
      .flatMap((filter, index) =>
        metadataMatching(spreadsheet, filter, `dataFilters[${index}]`, projectOfCaller(caller)),
      )
      .map((m) => [m.metadataId, m]),
  );
  const updated = [...matched.values()].map((metadata) => {
    const current = toApiMetadata(metadata);
    const next = applyFieldMask(current, given, mask);
    if (next.metadataId !== current.metadataId)
      throw invalid('The metadataId of developer metadata cannot be changed.');
    const locationChanged = JSON.stringify(next.location) !== JSON.stringify(current.location);
    const result = spreadsheet.updateMetadata(metadata.metadataId, {
      metadataKey: next.metadataKey ?? '',
      metadataValue: next.metadataValue ?? null,
      visibility: visibilityOf(next.visibility),
      project: projectOfCaller(caller),
      ...(locationChanged ? { location: anchorOf(spreadsheet, next.location) } : {}),
    });
    return toApiMetadata(result);
  });
  return { developerMetadata: updated };
}

export function deleteDeveloperMetadata(
  request: sheets_v4.Schema$DeleteDeveloperMetadataRequest,
  { spreadsheet, caller }: RequestContext,
): object {
  if (request.dataFilter == null) throw invalid('dataFilter is required.');
  const matched = metadataMatching(spreadsheet, request.dataFilter, 'dataFilter', projectOfCaller(caller));
  for (const metadata of matched) spreadsheet.deleteMetadata(metadata.metadataId);
  return { deletedDeveloperMetadata: matched.map(toApiMetadata) };
}
