import type { sheets_v4 } from '@googleapis/sheets';
import type { ProtectedRangeData, Spreadsheet } from '../../workbook';
import { applyFieldMask, checkMaskAgainstShape } from '../field-mask';
import { PROTECTED_RANGE_SHAPE } from '../request-shapes';
import { protectedRangeOf } from '../spreadsheet-resource';
import { invalid, type RequestContext, requireMask } from './request-context';

function usersOf(range: sheets_v4.Schema$ProtectedRange): string[] {
  const users = range.editors?.users ?? [];
  for (const user of users) {
    if (typeof user !== 'string' || !user.includes('@'))
      throw invalid(`editors.users holds ${JSON.stringify(user)}, not an e-mail address.`);
  }
  return users;
}

/**
 * "Editors are not supported with warningOnly protection"
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange).
 */
function checkEditorsWithWarningOnly(given: sheets_v4.Schema$ProtectedRange): void {
  if (given.warningOnly === true && (given.editors?.users ?? []).length > 0)
    throw invalid('Editors are not supported with warningOnly protection.');
}

function checkMayChange(
  spreadsheet: Spreadsheet,
  caller: string,
  protectedRangeId: number,
): ProtectedRangeData {
  const current = spreadsheet.protectedRangeById(protectedRangeId);
  if (caller !== spreadsheet.owner && !current.editors.users.includes(caller) && !current.warningOnly) {
    throw invalid(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
  }
  return current;
}

export function addProtectedRange(
  request: sheets_v4.Schema$AddProtectedRangeRequest,
  { spreadsheet, caller }: RequestContext,
): object {
  const given = request.protectedRange;
  if (given?.range == null) throw invalid('protectedRange.range is required.');
  checkEditorsWithWarningOnly(given);
  const created = spreadsheet.addProtectedRange(
    {
      range: structuredClone(given.range),
      warningOnly: given.warningOnly ?? false,
      editors: { users: usersOf(given) },
      ...(given.protectedRangeId != null ? { protectedRangeId: given.protectedRangeId } : {}),
      ...(given.description != null ? { description: given.description } : {}),
      ...(given.unprotectedRanges != null
        ? { unprotectedRanges: structuredClone(given.unprotectedRanges) }
        : {}),
    },
    caller,
  );
  return { protectedRange: protectedRangeOf(created, caller, spreadsheet.owner) };
}

export function updateProtectedRange(
  request: sheets_v4.Schema$UpdateProtectedRangeRequest,
  { spreadsheet, caller }: RequestContext,
): object {
  const mask = requireMask(request.fields);
  checkMaskAgainstShape(mask, PROTECTED_RANGE_SHAPE, 'updateProtectedRange.fields');
  const given = request.protectedRange;
  if (given?.protectedRangeId == null) throw invalid('protectedRange.protectedRangeId is required.');
  const current = checkMayChange(spreadsheet, caller, given.protectedRangeId);
  // Only what the mask sets counts: the editors kept from before are dropped when warningOnly turns on.
  const maskSets = (field: string) => mask.all || mask.paths.some((path) => path[0] === field);
  if (maskSets('warningOnly') && maskSets('editors')) checkEditorsWithWarningOnly(given);
  const next = applyFieldMask(protectedRangeOf(current, caller, spreadsheet.owner), given, mask);
  if (next.range == null) throw invalid('protectedRange.range cannot be cleared.');
  const data: ProtectedRangeData = {
    protectedRangeId: current.protectedRangeId,
    range: next.range,
    warningOnly: next.warningOnly ?? false,
    editors: { users: usersOf(next) },
  };
  if (next.description != null) data.description = next.description;
  if (next.unprotectedRanges != null) data.unprotectedRanges = next.unprotectedRanges;
  spreadsheet.replaceProtectedRange(data);
  return {};
}

export function deleteProtectedRange(
  request: sheets_v4.Schema$DeleteProtectedRangeRequest,
  { spreadsheet, caller }: RequestContext,
): object {
  if (request.protectedRangeId == null) throw invalid('protectedRangeId is required.');
  checkMayChange(spreadsheet, caller, request.protectedRangeId);
  spreadsheet.deleteProtectedRange(request.protectedRangeId);
  return {};
}
