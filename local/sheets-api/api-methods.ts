import type { sheets_v4 } from '@googleapis/sheets';
import {
  type GridRect,
  metadataVisibleTo,
  type Spreadsheet,
  toApiMetadata,
  WorkbookError,
  type WorkbookModel,
} from '../workbook';
import { applyBatchUpdate } from './batch-update/apply-batch-update';
import { addSheet } from './batch-update/sheet-requests';
import { metadataMatching } from './data-filter';
import { type FieldMask, filterByFieldMask, parseFieldMask } from './field-mask';
import { projectOfCaller } from './local-access-token';
import {
  checkShape,
  DATA_FILTER_SHAPE,
  SHEET_PROPERTIES_SHAPE,
  SPREADSHEET_PROPERTIES_SHAPE,
} from './request-shapes';
import { invalidArgument, SheetsApiError } from './sheets-api-error';
import { spreadsheetResourceOf } from './spreadsheet-resource';
import { inputOptionOf, readValues, resolveA1, writeValues } from './values-ranges';

/** One API call, already authenticated: who calls, which path parameters, query and body. */
export interface ApiCall {
  caller: string;
  spreadsheetId: string;
  pathParameter?: string;
  query: URLSearchParams;
  body: unknown;
}

export type ApiMethod = (model: WorkbookModel, call: ApiCall) => unknown;

const notFound = () => new SheetsApiError('NOT_FOUND', 'Requested entity was not found.');

/** Google answers 404 for an unknown id and 403 for a spreadsheet not shared with the caller. */
export function accessibleSpreadsheet(
  model: WorkbookModel,
  spreadsheetId: string,
  caller: string,
): Spreadsheet {
  if (!model.has(spreadsheetId)) throw notFound();
  const spreadsheet = model.get(spreadsheetId);
  if (!spreadsheet.data.sharedWith.includes(caller)) {
    throw new SheetsApiError('PERMISSION_DENIED', 'The caller does not have permission');
  }
  return spreadsheet;
}

const wantsBoolean = (query: URLSearchParams, name: string): boolean => query.get(name) === 'true';

const maskOf = (query: URLSearchParams): FieldMask | undefined => parseFieldMask(query.get('fields'));

function resource(
  spreadsheet: Spreadsheet,
  caller: string,
  query: URLSearchParams,
  includeGridData: boolean,
  ranges: string[],
): unknown {
  const mask = maskOf(query);
  // As on Google, a field mask naming sheets.data asks for grid data even without includeGridData.
  const maskWantsData =
    mask !== undefined && (mask.all || mask.paths.some((path) => path[0] === 'sheets' && path[1] === 'data'));
  const withData = includeGridData || maskWantsData;
  let gridData: Map<number, GridRect[]> | undefined;
  let onlySheets: Set<number> | undefined;
  if (ranges.length > 0) {
    onlySheets = new Set();
    gridData = new Map();
    for (const range of ranges) {
      const { sheet, rect } = resolveA1(spreadsheet, range);
      onlySheets.add(sheet.sheetId);
      gridData.set(sheet.sheetId, [...(gridData.get(sheet.sheetId) ?? []), rect]);
    }
  } else if (withData) {
    gridData = new Map(spreadsheet.sheets().map((sheet) => [sheet.sheetId, [sheet.fullRect()]]));
  }
  const body = spreadsheetResourceOf(spreadsheet, {
    caller,
    ...(withData && gridData !== undefined ? { gridData } : {}),
    ...(onlySheets !== undefined ? { onlySheets } : {}),
  });
  return filterByFieldMask(body, mask);
}

function translateWorkbookErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof WorkbookError) {
      throw error.kind === 'notFound' ? notFound() : invalidArgument(error.message);
    }
    throw error;
  }
}

const CREATE_SHAPE = {
  spreadsheetId: true,
  properties: SPREADSHEET_PROPERTIES_SHAPE,
  sheets: [{ properties: SHEET_PROPERTIES_SHAPE }],
} as const;

export const API_METHODS = {
  'spreadsheets.create': (model, { caller, body, query }) => {
    checkShape(body ?? {}, CREATE_SHAPE, 'spreadsheet');
    const given = (body ?? {}) as sheets_v4.Schema$Spreadsheet;
    if (given.spreadsheetId != null)
      throw invalidArgument('A new spreadsheet cannot choose its spreadsheetId.');
    const sheets = given.sheets ?? [];
    const created = translateWorkbookErrors(() => {
      const spreadsheet = model.create({
        title: given.properties?.title ?? 'Untitled spreadsheet',
        owner: caller,
        withoutDefaultSheet: sheets.length > 0,
        ...(given.properties?.locale != null ? { locale: given.properties.locale } : {}),
        ...(given.properties?.timeZone != null ? { timeZone: given.properties.timeZone } : {}),
      });
      try {
        sheets.forEach((sheet, index) => {
          try {
            addSheet(
              { properties: { ...sheet.properties, index: sheet.properties?.index ?? index } },
              { spreadsheet, caller },
            );
          } catch (error) {
            if (error instanceof WorkbookError)
              throw invalidArgument(`Invalid sheets[${index}]: ${error.message}`);
            throw error;
          }
        });
      } catch (error) {
        model.delete(spreadsheet.id);
        throw error;
      }
      model.changed();
      return spreadsheet;
    });
    return resource(created, caller, query, false, []);
  },

  'spreadsheets.get': (model, { caller, spreadsheetId, query }) => {
    const spreadsheet = accessibleSpreadsheet(model, spreadsheetId, caller);
    return resource(
      spreadsheet,
      caller,
      query,
      wantsBoolean(query, 'includeGridData'),
      query.getAll('ranges'),
    );
  },

  'spreadsheets.batchUpdate': (model, { caller, spreadsheetId, body, query }) => {
    accessibleSpreadsheet(model, spreadsheetId, caller);
    const request = (body ?? {}) as sheets_v4.Schema$BatchUpdateSpreadsheetRequest;
    const replies = applyBatchUpdate(model, spreadsheetId, caller, request);
    const response: sheets_v4.Schema$BatchUpdateSpreadsheetResponse = { spreadsheetId, replies };
    if (request.includeSpreadsheetInResponse) {
      const ranges = request.responseRanges ?? [];
      response.updatedSpreadsheet = resource(
        model.get(spreadsheetId),
        caller,
        new URLSearchParams(),
        request.responseIncludeGridData ?? false,
        ranges,
      ) as sheets_v4.Schema$Spreadsheet;
    }
    return filterByFieldMask(response, maskOf(query));
  },

  'spreadsheets.values.get': (model, { caller, spreadsheetId, pathParameter, query }) => {
    const spreadsheet = accessibleSpreadsheet(model, spreadsheetId, caller);
    const read = readValues(spreadsheet, pathParameter ?? '', {
      valueRenderOption: query.get('valueRenderOption') ?? undefined,
      majorDimension: query.get('majorDimension') ?? undefined,
    });
    return filterByFieldMask(read, maskOf(query));
  },

  'spreadsheets.values.batchGet': (model, { caller, spreadsheetId, query }) => {
    const spreadsheet = accessibleSpreadsheet(model, spreadsheetId, caller);
    const options = {
      valueRenderOption: query.get('valueRenderOption') ?? undefined,
      majorDimension: query.get('majorDimension') ?? undefined,
    };
    const valueRanges = query.getAll('ranges').map((range) => readValues(spreadsheet, range, options));
    return filterByFieldMask({ spreadsheetId, valueRanges }, maskOf(query));
  },

  'spreadsheets.values.update': (model, { caller, spreadsheetId, pathParameter, query, body }) => {
    accessibleSpreadsheet(model, spreadsheetId, caller);
    if (wantsBoolean(query, 'includeValuesInResponse'))
      throw invalidArgument('includeValuesInResponse is not implemented by the local Sheets API.');
    const inputOption = inputOptionOf(query.get('valueInputOption'));
    checkShape(body ?? {}, { range: true, majorDimension: true, values: [[true]] }, 'value_range');
    const response = translateWorkbookErrors(() =>
      model.transact(spreadsheetId, (copy) =>
        writeValues(
          copy,
          caller,
          pathParameter ?? '',
          (body ?? {}) as sheets_v4.Schema$ValueRange,
          inputOption,
        ),
      ),
    );
    return filterByFieldMask(response, maskOf(query));
  },

  'spreadsheets.values.batchUpdate': (model, { caller, spreadsheetId, query, body }) => {
    accessibleSpreadsheet(model, spreadsheetId, caller);
    checkShape(
      body ?? {},
      { valueInputOption: true, data: [{ range: true, majorDimension: true, values: [[true]] }] },
      'batch_update_values_request',
    );
    const request = (body ?? {}) as sheets_v4.Schema$BatchUpdateValuesRequest;
    const inputOption = inputOptionOf(request.valueInputOption);
    const responses = translateWorkbookErrors(() =>
      model.transact(spreadsheetId, (copy) =>
        (request.data ?? []).map((valueRange) => {
          if (valueRange.range == null) throw invalidArgument('Every entry of data needs a range.');
          return writeValues(copy, caller, valueRange.range, valueRange, inputOption);
        }),
      ),
    );
    const total = (key: 'updatedRows' | 'updatedColumns' | 'updatedCells') =>
      responses.reduce((sum, response) => sum + (response[key] ?? 0), 0);
    const result: sheets_v4.Schema$BatchUpdateValuesResponse = {
      spreadsheetId,
      totalUpdatedRows: total('updatedRows'),
      totalUpdatedColumns: total('updatedColumns'),
      totalUpdatedCells: total('updatedCells'),
      totalUpdatedSheets: new Set(
        responses.map((response) => response.updatedRange?.split('!')[0]).filter(Boolean),
      ).size,
      responses,
    };
    return filterByFieldMask(result, maskOf(query));
  },

  'spreadsheets.developerMetadata.search': (model, { caller, spreadsheetId, query, body }) => {
    const spreadsheet = accessibleSpreadsheet(model, spreadsheetId, caller);
    checkShape(body ?? {}, { dataFilters: [DATA_FILTER_SHAPE] }, 'search_developer_metadata_request');
    const filters = ((body ?? {}) as sheets_v4.Schema$SearchDeveloperMetadataRequest).dataFilters ?? [];
    if (filters.length === 0) throw invalidArgument('Must specify at least one data filter.');
    const matches = new Map<number, sheets_v4.Schema$MatchedDeveloperMetadata>();
    filters.forEach((filter, index) => {
      for (const metadata of metadataMatching(
        spreadsheet,
        filter,
        `dataFilters[${index}]`,
        projectOfCaller(caller),
      )) {
        const known = matches.get(metadata.metadataId);
        if (known) known.dataFilters?.push(filter);
        else
          matches.set(metadata.metadataId, {
            developerMetadata: toApiMetadata(metadata),
            dataFilters: [filter],
          });
      }
    });
    // Google answers `{}`, not an empty list, when nothing matches.
    const result = matches.size === 0 ? {} : { matchedDeveloperMetadata: [...matches.values()] };
    return filterByFieldMask(result, maskOf(query));
  },

  'spreadsheets.developerMetadata.get': (model, { caller, spreadsheetId, pathParameter, query }) => {
    const spreadsheet = accessibleSpreadsheet(model, spreadsheetId, caller);
    const id = Number(pathParameter);
    if (!Number.isInteger(id))
      throw invalidArgument(`Invalid value at 'metadata_id' (TYPE_INT32), "${pathParameter}"`);
    const metadata = spreadsheet.metadataById(id);
    if (metadata === undefined || !metadataVisibleTo(metadata, projectOfCaller(caller))) throw notFound();
    return filterByFieldMask(toApiMetadata(metadata), maskOf(query));
  },
} satisfies Record<string, ApiMethod>;

export type ApiMethodName = keyof typeof API_METHODS;

/** Query parameters each method understands; any other is refused rather than ignored. */
export const QUERY_PARAMETERS: Record<ApiMethodName, string[]> = {
  'spreadsheets.create': [],
  'spreadsheets.get': ['includeGridData', 'ranges'],
  'spreadsheets.batchUpdate': [],
  'spreadsheets.values.get': ['valueRenderOption', 'majorDimension', 'dateTimeRenderOption'],
  'spreadsheets.values.batchGet': ['ranges', 'valueRenderOption', 'majorDimension', 'dateTimeRenderOption'],
  'spreadsheets.values.update': ['valueInputOption', 'includeValuesInResponse'],
  'spreadsheets.values.batchUpdate': [],
  'spreadsheets.developerMetadata.search': [],
  'spreadsheets.developerMetadata.get': [],
};
