import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ForbiddenError } from '../../functions/api/auth/auth-errors';
import { handleAddonUiRequest } from './addon-ui';
import {
  handlePlaygroundApi,
  PlaygroundRequestError,
  type PlaygroundState,
  sendJson,
} from './playground-api';
import type { PlaygroundContext } from './playground-context';
import { requirePlaygroundCaller } from './playground-guard';
import { PlaygroundStack, type PlaygroundStackOptions } from './playground-stack';

export interface PlaygroundOptions extends PlaygroundStackOptions {
  /** 0 (default): a port the system picks; false: no server of its own (npm start serves `handle`). */
  port?: number | false;
  /** Loopback only: 127.0.0.1 unless given. */
  host?: string;
}

export interface Playground {
  /** e.g. http://localhost:40123/ ("" when it has no server of its own). */
  url: string;
  /** Whether a request is the playground's: its page at / and everything under /playground/. */
  claims(request: IncomingMessage): boolean;
  handle(request: IncomingMessage, response: ServerResponse): void;
  stack: PlaygroundStack;
  context: PlaygroundContext;
  close(): Promise<void>;
}

/** The page's files: the project's own, nothing from a CDN. */
const PAGE_DIR = join(__dirname, 'page');
const PAGE_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/playground/page.js': { file: 'page.js', type: 'text/javascript; charset=utf-8' },
  '/playground/grid.js': { file: 'grid.js', type: 'text/javascript; charset=utf-8' },
  '/playground/page.css': { file: 'page.css', type: 'text/css; charset=utf-8' },
};
/** Scripts and styles of this origin only: the page loads nothing from elsewhere. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-src 'self'; object-src 'none'; base-uri 'none'";

function servePageFile(response: ServerResponse, path: string): boolean {
  const entry = PAGE_FILES[path];
  if (entry === undefined) return false;
  response.writeHead(200, {
    'content-type': entry.type,
    'cache-control': 'no-store',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  });
  response.end(readFileSync(join(PAGE_DIR, entry.file)));
  return true;
}

/** Server-sent events: each open page hears the workbook's revision and repaints. */
class RevisionFeed {
  private readonly listeners = new Set<ServerResponse>();
  private pending: NodeJS.Timeout | undefined;
  revision = 1;

  bump(): void {
    this.revision += 1;
    // Many cells painted in one execution: one message once they settle.
    if (this.pending !== undefined) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      for (const listener of this.listeners) listener.write(`data: ${this.revision}\n\n`);
    }, 15);
  }

  subscribe(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(`data: ${this.revision}\n\n`);
    this.listeners.add(response);
    request.on('close', () => this.listeners.delete(response));
  }

  close(): void {
    if (this.pending !== undefined) clearTimeout(this.pending);
    for (const listener of this.listeners) listener.end();
    this.listeners.clear();
  }
}

/**
 * The playground: the local spreadsheet drawn as Google Sheets draws it, the real add-on bundle
 * running in the Apps Script double behind it (PlaygroundStack), and "Acting as" standing in for
 * signing in. Loopback only, with the API's Host check (playground-guard.ts).
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const stack = await PlaygroundStack.start(options);
  const feed = new RevisionFeed();
  const state: PlaygroundState = {
    acting: stack.coordinator(),
    revision: () => feed.revision,
    context: undefined as unknown as PlaygroundContext,
  };
  const context: PlaygroundContext = {
    sandbox: () => stack.sandbox(),
    actingAs: () => state.acting,
    people: () => stack.people(),
    changed: () => feed.bump(),
    backend: { running: () => stack.backendRunning() },
  };
  state.context = context;
  const stopWatching = options.sheetsApi.model.onChange(() => feed.bump());

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    void answer(request, response).catch((error: unknown) => {
      const status =
        error instanceof ForbiddenError ? 403 : error instanceof PlaygroundRequestError ? error.status : 500;
      if (status === 500)
        options.log?.(`playground: ${error instanceof Error ? error.stack : String(error)}`);
      const message = error instanceof Error ? error.message : String(error);
      if (response.headersSent) response.end();
      else sendJson(response, status, { error: { message } });
    });
  };
  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    requirePlaygroundCaller(request);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'GET' && servePageFile(response, path)) return;
    if (request.method === 'GET' && path === '/playground/events') return feed.subscribe(request, response);
    if (path.startsWith('/playground/addon/')) return handleAddonUiRequest(request, response, context);
    if (path.startsWith('/playground/api/'))
      return handlePlaygroundApi(request, response, path.slice('/playground/api/'.length), stack, state);
    throw new PlaygroundRequestError(404, `Nothing at ${path.slice(0, 100)} here.`);
  };
  const server = options.port === false ? undefined : createServer(handle);
  if (server !== undefined) {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port || 0, options.host ?? '127.0.0.1', () => resolve());
    });
  }
  return {
    url: server === undefined ? '' : `http://localhost:${(server.address() as AddressInfo).port}/`,
    claims: (request) => {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      return path === '/' || path.startsWith('/playground/');
    },
    handle,
    stack,
    context,
    close: async () => {
      stopWatching();
      feed.close();
      if (server !== undefined) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await stack.close();
    },
  };
}
