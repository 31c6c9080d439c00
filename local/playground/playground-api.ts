import type { IncomingMessage, ServerResponse } from 'node:http';
import { outboxItemsOf } from '../apps-script';
import type { PlaygroundContext } from './playground-context';
import type { PlaygroundStack } from './playground-stack';
import { spreadsheetView } from './sheet-view';

/** Largest JSON body the page sends (a pasted block of a few thousand cells). */
const MAX_BODY_BYTES = 1_000_000;

export class PlaygroundRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new PlaygroundRequestError(413, `The body is over ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new PlaygroundRequestError(400, 'The body must be a JSON object.');
}

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '')
    throw new PlaygroundRequestError(
      400,
      `"${name}" must be a non-empty string, found ${JSON.stringify(value)}.`,
    );
  return value;
}

/** A pasted block: rows of cells as text, as Sheets receives tab-separated text from the clipboard. */
function blockField(body: Record<string, unknown>): string[][] {
  const values = body.values;
  const ok =
    Array.isArray(values) &&
    values.length > 0 &&
    values.every(
      (row) => Array.isArray(row) && row.length > 0 && row.every((cell) => typeof cell === 'string'),
    );
  if (!ok)
    throw new PlaygroundRequestError(
      400,
      '"values" must be a non-empty array of non-empty arrays of strings.',
    );
  return values as string[][];
}

export interface PlaygroundState {
  acting: string;
  revision(): number;
  context: PlaygroundContext;
}

/**
 * The acting person's own ID token (`?audience=` for another OAuth client's), for `va-assess doctor
 * --token` against the OIDC backend; the guard already limits it to this machine and loopback names,
 * as everything else here.
 */
function serveIdentityToken(
  response: ServerResponse,
  url: URL,
  stack: PlaygroundStack,
  state: PlaygroundState,
) {
  const audience = url.searchParams.get('audience');
  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(
    stack.identityToken(state.acting, audience === null || audience === '' ? undefined : audience),
  );
}

/** The page's own API under /playground/api/: what it reads, and the actions a person takes. */
export async function handlePlaygroundApi(
  request: IncomingMessage,
  response: ServerResponse,
  route: string,
  stack: PlaygroundStack,
  state: PlaygroundState,
): Promise<void> {
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (method === 'GET' && route === 'state') {
    const sheetParam = url.searchParams.get('sheetId');
    const titleParam = url.searchParams.get('title');
    const box = stack.sandbox();
    const spreadsheet = box.host.model.get(stack.spreadsheetId);
    sendJson(response, 200, {
      actingAs: state.acting,
      people: stack.people(),
      backendRunning: stack.backendRunning(),
      outbox: outboxItemsOf(box).length,
      spreadsheet: spreadsheetView(spreadsheet, state.acting, state.revision(), {
        ...(sheetParam === null ? {} : { sheetId: Number(sheetParam) }),
        ...(titleParam === null ? {} : { title: titleParam }),
      }),
    });
    return;
  }
  if (method === 'GET' && route === 'identity-token') return serveIdentityToken(response, url, stack, state);
  if (method !== 'POST') throw new PlaygroundRequestError(404, `No ${method} /playground/api/${route} here.`);
  const body = await readJson(request);
  switch (route) {
    case 'acting-as': {
      const email = stringField(body, 'email').toLowerCase();
      if (!stack.people().some((person) => person.email === email))
        throw new PlaygroundRequestError(400, `${email} is not one of the people the playground offers.`);
      state.acting = email;
      // Google runs onOpen for whoever opens the spreadsheet: their own menu.
      await stack.sandbox().open(email);
      state.context.changed();
      sendJson(response, 200, { actingAs: email });
      return;
    }
    case 'edit': {
      const a1 = stringField(body, 'a1');
      const values = blockField(body);
      const box = stack.sandbox();
      const sentBefore = box.fetches().length;
      try {
        const result =
          values.length === 1 && values[0]?.length === 1
            ? await box.typeAs(state.acting, a1, values[0][0] ?? '')
            : await box.pasteAs(state.acting, a1, values);
        state.context.changed();
        sendJson(response, 200, {
          a1: result.a1,
          executions: result.executions.map(({ fnName, error }) => ({
            fnName,
            ...(error === undefined ? {} : { error }),
          })),
          requestsSent: box.fetches().length - sentBefore,
        });
      } catch (error) {
        // The double refuses as Sheets does (protected range, not shared): the page shows Google's words.
        throw new PlaygroundRequestError(403, error instanceof Error ? error.message : String(error));
      }
      return;
    }
    case 'backend': {
      if (body.running === true) await stack.startBackend();
      else if (body.running === false) await stack.stopBackend();
      else throw new PlaygroundRequestError(400, '"running" must be true or false.');
      state.context.changed();
      sendJson(response, 200, { backendRunning: stack.backendRunning() });
      return;
    }
    case 'reset': {
      await stack.reset();
      state.context.changed();
      sendJson(response, 200, { ok: true });
      return;
    }
    case 'run': {
      // The bundle's menu callbacks, as the person acting clicks them (pg-ui's menu uses its own route).
      const fnName = stringField(body, 'fnName');
      if (!/^menu[A-Z]\w*$/.test(fnName))
        throw new PlaygroundRequestError(400, `${fnName} is not a menu callback.`);
      await stack.sandbox().run(state.acting, fnName);
      state.context.changed();
      sendJson(response, 200, { alert: stack.sandbox().alerts().at(-1)?.message ?? '' });
      return;
    }
    default:
      throw new PlaygroundRequestError(404, `No POST /playground/api/${route} here.`);
  }
}
