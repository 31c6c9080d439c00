import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { refuseOversizedBodies } from '../refuse-oversized-bodies';
import { WorkbookError, WorkbookModel } from '../workbook';
import { API_METHODS, QUERY_PARAMETERS } from './api-methods';
import { route } from './api-route';
import { checkControlCaller, checkHost } from './caller-origin';
import { discoveryMethod } from './discovery/discovery-document';
import { validateQuery, validateRequestBody } from './discovery/validate-against-discovery';
import { type Fault, FaultInjector, faultSchema } from './fault-injector';
import { emailOfLocalToken } from './local-access-token';
import { RequestCounter } from './request-counter';
import { MAX_RECEIVED_BYTES, MAX_REQUEST_BYTES, requestTooLargeMessage } from './request-limits';
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

/**
 * The JSON body, at most MAX_REQUEST_BYTES of it held: past that the rest is read and dropped (the
 * server's MAX_RECEIVED_BYTES guard ends a longer one) and the request refused with 400.
 */
async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request) {
    received += (chunk as Buffer).length;
    if (received <= MAX_REQUEST_BYTES) chunks.push(chunk as Buffer);
  }
  if (received > MAX_REQUEST_BYTES) {
    throw invalidArgument(
      `${requestTooLargeMessage(MAX_REQUEST_BYTES)} (The local Sheets API refuses bodies over Google's recommended 2 MB maximum payload: https://developers.google.com/sheets/api/limits)`,
    );
  }
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
  // A declared length keeps the connection open after the answer: without it Node closes at once
  // when the request body is still arriving (a refused upload), and the client loses the answer.
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

/** Thrown after an injected fault destroyed the socket: there is nobody left to answer. */
class ConnectionReset extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ServerState {
  model: WorkbookModel;
  counter: RequestCounter;
  faults: FaultInjector;
}

/**
 * Keeps persistFile in step with the model. A save that fails (disk full, a file too large) is reported
 * and retried on the next change: it must not end the process, and with it DynamoDB Local and the API
 * (issue 16).
 */
function persistModel(
  model: WorkbookModel,
  persistFile: string | undefined,
): { saveNow: () => void; unsubscribe: () => void } {
  let saveTimer: NodeJS.Timeout | undefined;
  const saveNow = () => {
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = undefined;
    if (persistFile === undefined) return;
    try {
      model.saveToFile(persistFile);
    } catch (error) {
      console.error(
        `local Sheets API: could not save the workbook to ${persistFile} (it keeps running; the next change tries again):`,
        String(error),
      );
    }
  };
  // Saving is deferred a little so a burst of changes (or the Apps Script face) writes once.
  const unsubscribe = model.onChange(() => {
    if (persistFile === undefined || saveTimer !== undefined) return;
    saveTimer = setTimeout(saveNow, 50);
  });
  return { saveNow, unsubscribe };
}

/** The "/__local/" endpoints tests and `npm start` use to count requests, inject faults and share. */
async function handleControl(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  { model, counter, faults }: ServerState,
) {
  checkControlCaller(request);
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
}

/** One Sheets API request: routed, counted, faulted if a test asked, authenticated, validated, applied. */
async function handle(request: IncomingMessage, response: ServerResponse, state: ServerState) {
  const { model, counter, faults } = state;
  checkHost(request);
  const target = request.url ?? '/';
  // Origin-form only ("/v4/..."): "//host/..." or an absolute URL would name another server.
  if (!target.startsWith('/') || target.startsWith('//'))
    throw invalidArgument(`Invalid request target "${target.slice(0, 100)}".`);
  const url = new URL(target, 'http://localhost');
  if (url.pathname.startsWith('/__local/')) return handleControl(request, response, url.pathname, state);
  const found = route(request.method ?? 'GET', url.pathname);
  counter.count(found.method);
  const fault = faults.take(found.method);
  if (fault !== undefined && fault.delayMs > 0) await sleep(fault.delayMs);
  const fail = (injected: NonNullable<typeof fault>): never => {
    if (injected.error !== undefined) throw injected.error;
    request.socket.destroy();
    throw new ConnectionReset();
  };
  if (fault !== undefined && !fault.afterApplying) fail(fault);
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
  const discovered = discoveryMethod(`sheets.${found.method}`);
  validateQuery(discovered, url.searchParams);
  const alt = url.searchParams.get('alt');
  if (alt !== null && alt !== 'json') throw notImplemented(`alt=${alt}`);
  const body = request.method === 'GET' ? undefined : await readBody(request);
  validateRequestBody(discovered, body);
  const result = API_METHODS[found.method](model, {
    caller,
    spreadsheetId: found.spreadsheetId,
    ...(found.pathParameter === undefined ? {} : { pathParameter: found.pathParameter }),
    query: url.searchParams,
    body,
  });
  if (fault?.afterApplying) fail(fault);
  send(response, 200, result);
}

/** Answers an error as Google does; an unexpected one is logged and answered 500. */
function answerError(response: ServerResponse, error: unknown) {
  if (error instanceof ConnectionReset) return;
  // Already answered (a body refused while streaming, then cut): nothing more to say.
  if (response.headersSent) return;
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
}

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
  const state: ServerState = { model, counter, faults };
  const { saveNow, unsubscribe } = persistModel(model, persistFile);

  const server = createServer((request, response) => {
    handle(request, response, state).catch((error: unknown) => answerError(response, error));
  });
  refuseOversizedBodies(server, MAX_RECEIVED_BYTES, (response, size) => {
    const refusal = new SheetsApiError(
      'PAYLOAD_TOO_LARGE',
      `${requestTooLargeMessage(MAX_RECEIVED_BYTES)}${size === undefined ? '' : ` This one declared ${size}.`} The local Sheets API stops reading and closes the connection.`,
    );
    // No "Connection: close" here: Node would close at once, while the client still sends, and
    // the client could lose this answer; refuseOversizedBodies closes after a short linger.
    send(response, refusal.code, refusal.body());
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
