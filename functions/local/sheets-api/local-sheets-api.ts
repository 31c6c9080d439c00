import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WorkbookError, WorkbookModel } from '../workbook';
import { API_METHODS, type ApiMethodName, QUERY_PARAMETERS } from './api-methods';
import { type Fault, FaultInjector, faultSchema } from './fault-injector';
import { emailOfLocalToken } from './local-access-token';
import { RequestCounter } from './request-counter';
import { invalidArgument, notImplemented, SheetsApiError } from './sheets-api-error';

export interface LocalSheetsApi {
  /** "http://127.0.0.1:<port>/": the googleapis `rootUrl`. */
  rootUrl: string;
  /** The same object the Apps Script double works on. */
  model: WorkbookModel;
  createSpreadsheet(options: {
    title: string;
    owner: string;
    sharedWith?: string[];
    locale?: string;
  }): string;
  share(spreadsheetId: string, email: string): void;
  unshare(spreadsheetId: string, email: string): void;
  deleteSpreadsheet(spreadsheetId: string): void;
  /** Requests per API method, e.g. { "spreadsheets.batchUpdate": 1 }. */
  requestCounts(): Record<string, number>;
  resetCounts(): void;
  injectFault(fault: Fault): void;
  close(): Promise<void>;
}

export interface LocalSheetsApiOptions {
  port?: number;
  host?: string;
  model?: WorkbookModel;
  /** JSON file the workbook is loaded from (when it exists) and saved to after each change. */
  persistFile?: string;
}

/** Parameters every Google API accepts on any method. */
const SYSTEM_PARAMETERS = new Set(['fields', 'alt', 'prettyPrint', '$.xgafv', 'quotaUser', 'key']);

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

interface Route {
  method: ApiMethodName;
  spreadsheetId: string;
  pathParameter?: string;
}

const VERBS = new Set(['batchUpdate', 'batchGet', 'search', ...Object.keys(UNIMPLEMENTED_VERBS)]);

/**
 * Splits "abc:batchUpdate" into id and verb. Only a known verb counts, so a range typed with a
 * raw ":" ("Metrics!A1:F4", as curl sends it) stays one range.
 */
function splitVerb(segment: string): [string, string | undefined] {
  const colon = segment.lastIndexOf(':');
  const verb = colon < 0 ? undefined : segment.slice(colon + 1);
  return verb !== undefined && VERBS.has(verb)
    ? [decodeURIComponent(segment.slice(0, colon)), verb]
    : [decodeURIComponent(segment), undefined];
}

function route(httpMethod: string, pathname: string): Route {
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

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidArgument(
      `Invalid JSON payload received. ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body, null, 2);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', ...headers });
  response.end(text);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A Sheets API v4 server over the in-memory workbook model, for `npm start` and the tests: the
 * real `@googleapis/sheets` client reaches it through `rootUrl`. Callers name themselves with the
 * bearer token "local:<email>" (local-access-token.ts).
 */
export async function startLocalSheetsApi(options: LocalSheetsApiOptions = {}): Promise<LocalSheetsApi> {
  const persistFile = options.persistFile;
  const model =
    options.model ??
    (persistFile !== undefined && existsSync(persistFile)
      ? WorkbookModel.loadFromFile(persistFile)
      : new WorkbookModel());
  const counter = new RequestCounter();
  const faults = new FaultInjector();

  let saveTimer: NodeJS.Timeout | undefined;
  const saveNow = () => {
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = undefined;
    if (persistFile !== undefined) model.saveToFile(persistFile);
  };
  // Saving is deferred a little so a burst of changes (or the Apps Script face) writes once.
  const unsubscribe = model.onChange(() => {
    if (persistFile === undefined || saveTimer !== undefined) return;
    saveTimer = setTimeout(saveNow, 50);
  });

  const handleControl = async (request: IncomingMessage, response: ServerResponse, pathname: string) => {
    const segments = pathname.split('/').filter(Boolean).slice(1);
    const method = request.method ?? 'GET';
    if (method === 'GET' && segments.join('/') === 'requests') return send(response, 200, counter.snapshot());
    if (method === 'POST' && segments.join('/') === 'requests/reset') {
      counter.reset();
      return send(response, 200, {});
    }
    if (method === 'GET' && segments.join('/') === 'spreadsheets') {
      return send(response, 200, {
        spreadsheets: model.list().map((spreadsheet) => ({
          spreadsheetId: spreadsheet.id,
          title: spreadsheet.data.properties.title,
          owner: spreadsheet.owner,
          sharedWith: spreadsheet.data.sharedWith,
        })),
      });
    }
    const body = await readBody(request);
    if (method === 'POST' && segments.join('/') === 'faults') {
      const parsed = faultSchema.safeParse(body);
      if (!parsed.success) {
        throw invalidArgument(
          `Invalid fault: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
        );
      }
      faults.add(parsed.data);
      return send(response, 200, {});
    }
    const [collection, spreadsheetId, action] = segments;
    if (
      method === 'POST' &&
      collection === 'spreadsheets' &&
      spreadsheetId &&
      (action === 'share' || action === 'unshare')
    ) {
      const email = (body as { email?: unknown } | undefined)?.email;
      if (typeof email !== 'string' || !email.includes('@'))
        throw invalidArgument('The body must be {"email": "<address>"}.');
      if (!model.has(spreadsheetId)) throw new SheetsApiError('NOT_FOUND', 'Requested entity was not found.');
      if (action === 'share') model.share(spreadsheetId, email);
      else model.unshare(spreadsheetId, email);
      return send(response, 200, {});
    }
    throw new SheetsApiError('NOT_FOUND', `No control endpoint ${method} ${pathname}.`);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/__local/')) return handleControl(request, response, url.pathname);
    const found = route(request.method ?? 'GET', url.pathname);
    counter.count(found.method);
    const fault = faults.take(found.method);
    if (fault !== undefined && !fault.afterApplying) {
      if (fault.delayMs > 0) await sleep(fault.delayMs);
      throw fault.error;
    }
    const caller = emailOfLocalToken(request.headers.authorization);
    if (caller === undefined) {
      throw new SheetsApiError(
        'UNAUTHENTICATED',
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. (The local Sheets API takes "Authorization: Bearer local:<email>".)',
      );
    }
    for (const name of new Set(url.searchParams.keys())) {
      if (!SYSTEM_PARAMETERS.has(name) && !QUERY_PARAMETERS[found.method].includes(name)) {
        throw invalidArgument(
          `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter (or it is not implemented by the local Sheets API).`,
        );
      }
    }
    const alt = url.searchParams.get('alt');
    if (alt !== null && alt !== 'json') throw notImplemented(`alt=${alt}`);
    const body = request.method === 'GET' ? undefined : await readBody(request);
    const result = API_METHODS[found.method](model, {
      caller,
      spreadsheetId: found.spreadsheetId,
      ...(found.pathParameter === undefined ? {} : { pathParameter: found.pathParameter }),
      query: url.searchParams,
      body,
    });
    if (fault !== undefined) {
      // Applied, but the caller is told it failed: the answer was lost on the way back.
      if (fault.delayMs > 0) await sleep(fault.delayMs);
      throw fault.error;
    }
    send(response, 200, result);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof SheetsApiError) return send(response, error.code, error.body(), error.headers);
      if (error instanceof WorkbookError) {
        const mapped =
          error.kind === 'notFound'
            ? new SheetsApiError('NOT_FOUND', error.message)
            : error.kind === 'permission'
              ? new SheetsApiError('PERMISSION_DENIED', error.message)
              : invalidArgument(error.message);
        return send(response, mapped.code, mapped.body());
      }
      console.error('local Sheets API: unexpected error', error);
      const internal = new SheetsApiError(
        'INTERNAL',
        `Internal error in the local Sheets API: ${error instanceof Error ? error.message : String(error)}`,
      );
      send(response, internal.code, internal.body());
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    rootUrl: `http://${shownHost}:${port}/`,
    model,
    createSpreadsheet: ({ title, owner, sharedWith, locale }) =>
      model.create({ title, owner, ...(sharedWith ? { sharedWith } : {}), ...(locale ? { locale } : {}) }).id,
    share: (spreadsheetId, email) => model.share(spreadsheetId, email),
    unshare: (spreadsheetId, email) => model.unshare(spreadsheetId, email),
    deleteSpreadsheet: (spreadsheetId) => model.delete(spreadsheetId),
    requestCounts: () => counter.snapshot(),
    resetCounts: () => counter.reset(),
    injectFault: (fault) => faults.add(faultSchema.parse(fault)),
    close: async () => {
      unsubscribe();
      saveNow();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
