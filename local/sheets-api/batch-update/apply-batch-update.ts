import type { sheets_v4 } from '@googleapis/sheets';
import { WorkbookError, type WorkbookModel } from '../../workbook';
import { checkShape, REQUEST_SHAPES, type RequestKind } from '../request-shapes';
import { invalidArgument, notImplemented, SheetsApiError } from '../sheets-api-error';
import { appendCells, repeatCell, setDataValidation, sortRange, updateCells } from './cell-requests';
import {
  appendDimension,
  autoResizeDimensions,
  deleteDimension,
  insertDimension,
  moveDimension,
  updateDimensionProperties,
} from './dimension-requests';
import {
  createDeveloperMetadata,
  deleteDeveloperMetadata,
  updateDeveloperMetadata,
} from './metadata-requests';
import { addProtectedRange, deleteProtectedRange, updateProtectedRange } from './protection-requests';
import type { RequestContext, RequestHandler } from './request-context';
import { addSheet, deleteSheet, updateSheetProperties, updateSpreadsheetProperties } from './sheet-requests';

const HANDLERS: Record<RequestKind, RequestHandler> = {
  addSheet,
  deleteSheet,
  updateSheetProperties,
  updateSpreadsheetProperties,
  updateCells,
  repeatCell,
  appendCells,
  insertDimension,
  deleteDimension,
  appendDimension,
  moveDimension,
  updateDimensionProperties,
  sortRange,
  createDeveloperMetadata,
  updateDeveloperMetadata,
  deleteDeveloperMetadata,
  addProtectedRange,
  updateProtectedRange,
  deleteProtectedRange,
  autoResizeDimensions,
  setDataValidation,
};

/** Kinds whose reply carries a body; Google answers `{}` for the others. */
const REPLYING: ReadonlySet<RequestKind> = new Set([
  'addSheet',
  'createDeveloperMetadata',
  'updateDeveloperMetadata',
  'deleteDeveloperMetadata',
  'addProtectedRange',
]);

const BODY_SHAPE = {
  requests: [true],
  includeSpreadsheetInResponse: true,
  responseIncludeGridData: true,
  responseRanges: [true],
} as const;

/**
 * All requests are applied, in order, to a copy of the spreadsheet, which replaces it only when
 * every one succeeded: one bad request leaves the spreadsheet exactly as it was, as on Google.
 */
export function applyBatchUpdate(
  model: WorkbookModel,
  spreadsheetId: string,
  caller: string,
  body: sheets_v4.Schema$BatchUpdateSpreadsheetRequest,
): sheets_v4.Schema$Response[] {
  checkShape(body, BODY_SHAPE, 'batchUpdate');
  const requests = body.requests ?? [];
  if (requests.length === 0) throw invalidArgument('Must specify at least one request.');
  const kinds = requests.map((request, index) => {
    // The discovery document has already refused unknown kinds: what is left is Google's but not built here.
    for (const [kind, value] of Object.entries(request ?? {})) {
      if (value != null && !Object.hasOwn(REQUEST_SHAPES, kind))
        throw notImplemented(`The request kind ${kind} (at 'requests[${index}]')`);
    }
    checkShape(request, REQUEST_SHAPES as never, `requests[${index}]`);
    const given = Object.entries(request ?? {}).filter(([, value]) => value !== undefined && value !== null);
    if (given.length !== 1) {
      throw invalidArgument(
        `Invalid requests[${index}]: exactly one kind of request must be set, found ${given.length === 0 ? 'none' : given.map(([kind]) => kind).join(', ')}.`,
      );
    }
    return (given[0] as [RequestKind, unknown])[0];
  });
  return model.transact(spreadsheetId, (copy) => {
    const context: RequestContext = { spreadsheet: copy, caller };
    return requests.map((request, index) => {
      const kind = kinds[index] as RequestKind;
      try {
        const reply = HANDLERS[kind]((request as Record<string, unknown>)[kind] as never, context);
        return REPLYING.has(kind) ? { [kind]: reply } : {};
      } catch (error) {
        if (error instanceof WorkbookError)
          throw invalidArgument(`Invalid requests[${index}].${kind}: ${error.message}`);
        if (
          error instanceof SheetsApiError &&
          error.status === 'INVALID_ARGUMENT' &&
          !error.message.startsWith('Invalid')
        ) {
          throw invalidArgument(`Invalid requests[${index}].${kind}: ${error.message}`);
        }
        throw error;
      }
    });
  });
}
