import type { ApiMethodName } from './api-methods';
import { invalidArgument, notImplemented, SheetsApiError } from './sheets-api-error';

// Which Sheets API v4 method a request path names: kept apart from the server so the path grammar
// (flatPaths of the discovery document) reads on its own.

/** Methods of the real API this double does not serve: a clear 400, never a silent 404. */
const UNIMPLEMENTED_VERBS: Record<string, string> = {
  getByDataFilter: 'spreadsheets.getByDataFilter',
  append: 'spreadsheets.values.append',
  clear: 'spreadsheets.values.clear',
  batchClear: 'spreadsheets.values.batchClear',
  batchClearByDataFilter: 'spreadsheets.values.batchClearByDataFilter',
  batchGetByDataFilter: 'spreadsheets.values.batchGetByDataFilter',
  batchUpdateByDataFilter: 'spreadsheets.values.batchUpdateByDataFilter',
  copyTo: 'spreadsheets.sheets.copyTo',
};

export interface Route {
  method: ApiMethodName;
  spreadsheetId: string;
  pathParameter?: string;
}

const VERBS = new Set(['batchUpdate', 'batchGet', 'search', ...Object.keys(UNIMPLEMENTED_VERBS)]);

/** A path segment decoded; a bad percent-encoding is the client's error (400), not a crash (500). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalidArgument(`Invalid request path: "${segment.slice(0, 100)}" is not valid percent-encoding.`);
  }
}

/**
 * Splits "abc:batchUpdate" into id and verb. Only a known verb counts, so a range typed with a
 * raw ":" ("Metrics!A1:F4", as curl sends it) stays one range.
 */
function splitVerb(segment: string): [string, string | undefined] {
  const colon = segment.lastIndexOf(':');
  const verb = colon < 0 ? undefined : segment.slice(colon + 1);
  return verb !== undefined && VERBS.has(verb)
    ? [decodeSegment(segment.slice(0, colon)), verb]
    : [decodeSegment(segment), undefined];
}

export function route(httpMethod: string, pathname: string): Route {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  const unknown = () =>
    new SheetsApiError(
      'NOT_FOUND',
      `The requested URL ${pathname} was not found on this server (local Sheets API).`,
    );
  if (segments[0] !== 'v4' || segments[1] === undefined) throw unknown();
  const [collection, collectionVerb] = splitVerb(segments[1]);
  if (collection !== 'spreadsheets' || collectionVerb !== undefined) throw unknown();
  if (segments.length === 2) {
    if (httpMethod === 'POST') return { method: 'spreadsheets.create', spreadsheetId: '' };
    throw unknown();
  }
  const [spreadsheetId, verb] = splitVerb(segments[2] ?? '');
  const rest = segments.slice(3);
  const expect = (method: ApiMethodName, http: string, pathParameter?: string): Route => {
    if (httpMethod !== http) throw unknown();
    return { method, spreadsheetId, ...(pathParameter === undefined ? {} : { pathParameter }) };
  };
  if (rest.length === 0) {
    if (verb === undefined) return expect('spreadsheets.get', 'GET');
    if (verb === 'batchUpdate') return expect('spreadsheets.batchUpdate', 'POST');
  } else if (rest.length === 1) {
    const [name, restVerb] = splitVerb(rest[0] ?? '');
    if (name === 'values' && restVerb === 'batchGet') return expect('spreadsheets.values.batchGet', 'GET');
    if (name === 'values' && restVerb === 'batchUpdate')
      return expect('spreadsheets.values.batchUpdate', 'POST');
    if (name === 'developerMetadata' && restVerb === 'search')
      return expect('spreadsheets.developerMetadata.search', 'POST');
    if (restVerb !== undefined && UNIMPLEMENTED_VERBS[restVerb])
      throw notImplemented(`The method ${UNIMPLEMENTED_VERBS[restVerb]}`);
  } else if (rest.length === 2) {
    const [parameter, restVerb] = splitVerb(rest[1] ?? '');
    if (rest[0] === 'values' && restVerb === undefined) {
      if (httpMethod === 'GET') return expect('spreadsheets.values.get', 'GET', parameter);
      return expect('spreadsheets.values.update', 'PUT', parameter);
    }
    if (rest[0] === 'developerMetadata' && restVerb === undefined)
      return expect('spreadsheets.developerMetadata.get', 'GET', parameter);
    if (restVerb !== undefined && UNIMPLEMENTED_VERBS[restVerb])
      throw notImplemented(`The method ${UNIMPLEMENTED_VERBS[restVerb]}`);
  }
  if (verb !== undefined && UNIMPLEMENTED_VERBS[verb])
    throw notImplemented(`The method ${UNIMPLEMENTED_VERBS[verb]}`);
  throw unknown();
}
