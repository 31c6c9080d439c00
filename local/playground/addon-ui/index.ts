import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddonSandbox } from '../../apps-script';
import type { PlaygroundContext } from '../playground-context';
import { addonMenuFor, menuRuns } from './addon-menu';
import { AddonUiBroker, UiRequestError } from './addon-ui-broker';
import { readJsonBody, sendJson, stringField } from './http-json';
import { CLIENT_DIR } from './served-page';

export { AddonUiBroker, UiRequestError } from './addon-ui-broker';

/**
 * What the add-on's UI needs of the playground: the AddonSandbox running the real bundle (a reset may
 * replace it), the person acting, and the page's repaint after an execution wrote to the sheet.
 */
export type AddonUiHost = Pick<PlaygroundContext, 'sandbox' | 'actingAs' | 'changed'>;

export const ADDON_UI_PREFIX = '/playground/addon/';

const STATIC: Readonly<Record<string, { file: string; type: string }>> = {
  'addon-ui.js': { file: 'addon-ui.js', type: 'text/javascript; charset=utf-8' },
  'addon-ui.css': { file: 'addon-ui.css', type: 'text/css; charset=utf-8' },
};

const brokers = new WeakMap<AddonSandbox, AddonUiBroker>();
let lastBroker: AddonUiBroker | undefined;

/** The broker of the sandbox running now: the person answering its alerts and seeing its dialogs. */
function brokerOf(sandbox: AddonSandbox): AddonUiBroker {
  let broker = brokers.get(sandbox);
  if (broker === undefined) {
    broker = new AddonUiBroker();
    brokers.set(sandbox, broker);
    sandbox.host.attachUiPerson(broker);
    // The playground was reset: what the old sandbox waited on ends as if closed.
    lastBroker?.dismissAll();
  }
  lastBroker = broker;
  return broker;
}

/**
 * The page goes away from `sandbox` (a reset, the server stopping): its alerts and prompts end as if
 * their close box was clicked, so that no execution waits for an answer that will not come.
 */
export function dismissAddonUi(sandbox: AddonSandbox): void {
  brokers.get(sandbox)?.dismissAll();
}

/** An execution as a person clicking: ok with its value, or the exception's message as Apps Script logs it. */
async function execution(ctx: AddonUiHost, run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: true, value: (await run()) ?? null };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    ctx.changed();
  }
}

/** What a route works with: the playground, the sandbox running now and its broker. */
interface Scope {
  ctx: AddonUiHost;
  sandbox: AddonSandbox;
  broker: AddonUiBroker;
}

type Route = (scope: Scope, req: IncomingMessage, id: number) => Promise<unknown>;

const ROUTES: Readonly<Record<string, Route>> = {
  'GET menu': async ({ ctx, sandbox }) => {
    const user = ctx.actingAs();
    return { user, items: await addonMenuFor(sandbox, user) };
  },
  'POST menu/run': async ({ ctx, sandbox, broker }, req) => {
    const body = await readJsonBody(req);
    const functionName = stringField(body, 'functionName');
    const user = ctx.actingAs();
    if (!menuRuns(await addonMenuFor(sandbox, user), functionName)) {
      throw new UiRequestError(404, `The add-on's menu for ${user} has no item running ${functionName}.`);
    }
    // The cell the person has selected on the page: their selection in the spreadsheet.
    if (body.selection !== undefined) sandbox.select(user, stringField(body, 'selection'));
    return execution(ctx, () => broker.startedBy(user, () => sandbox.run(user, functionName)));
  },
  'GET state': async ({ broker }, req) => {
    const after = Number(new URL(req.url ?? '', 'http://x').searchParams.get('after') ?? '-1');
    return broker.changedSince(Number.isFinite(after) ? after : -1);
  },
  'POST questions/answer': async ({ ctx, broker }, req, id) => {
    const body = await readJsonBody(req);
    const text = typeof body.text === 'string' ? body.text : '';
    broker.answer(id, ctx.actingAs(), { button: stringField(body, 'button'), text });
    return { ok: true };
  },
  'POST dialogs/run': async ({ ctx, sandbox, broker }, req, id) => {
    const body = await readJsonBody(req);
    const fnName = stringField(body, 'fnName');
    const args = Array.isArray(body.args) ? body.args : [];
    const dialog = broker.dialogOf(id);
    // Private functions (a trailing underscore) are hidden from google.script.run.
    // https://developers.google.com/apps-script/guides/html/communication#private_functions
    if (fnName.endsWith('_')) {
      return { ok: false, message: `Script function not found: ${fnName}` };
    }
    // The page runs as the person it was shown to, whoever acts on the playground now.
    return execution(ctx, () =>
      broker.startedBy(dialog.user, () => sandbox.run(dialog.user, fnName, ...args)),
    );
  },
  'POST dialogs/close': async ({ broker }, req, id) => {
    await readJsonBody(req);
    broker.close(id);
    return { ok: true };
  },
};

/**
 * The add-on's page in a sidebar or dialog, with a policy of its own (a page loaded in a frame does
 * not inherit the playground's, which forbids inline scripts): its inline scripts and styles run, it
 * reaches nothing on the network, and it stays sandboxed even if opened on its own, as Apps Script's
 * iframe is (allow-same-origin never granted, so it cannot reach the playground's page).
 */
const DIALOG_PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  'sandbox allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads',
].join('; ');

function serveDialogPage(res: ServerResponse, ctx: AddonUiHost, id: number): void {
  try {
    const html = brokerOf(ctx.sandbox()).pageOf(id);
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': DIALOG_PAGE_POLICY,
      'x-content-type-options': 'nosniff',
    });
    res.end(html);
  } catch (error) {
    if (error instanceof UiRequestError) sendJson(res, error.status, { message: error.message });
    else throw error;
  }
}

/** `GET menu`, or `POST dialogs/run` with the id taken out of "dialogs/12/run". */
function routeOf(method: string, path: string): { key: string; id: number } {
  const withId = /^(questions|dialogs)\/(\d+)\/([a-z]+)$/.exec(path);
  if (withId !== null) return { key: `${method} ${withId[1]}/${withId[3]}`, id: Number(withId[2]) };
  return { key: `${method} ${path}`, id: 0 };
}

/**
 * Every request under /playground/addon/: the page's script and style, the add-on menu of the person
 * acting, its items run as them, the alerts, prompts, sidebars and dialogs their executions open.
 */
export async function handleAddonUiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: AddonUiHost,
): Promise<void> {
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://x').pathname.slice(ADDON_UI_PREFIX.length);
  const asset = STATIC[path];
  if (method === 'GET' && asset !== undefined) {
    res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
    res.end(readFileSync(join(CLIENT_DIR, asset.file)));
    return;
  }
  const page = /^dialogs\/(\d+)\/page$/.exec(path);
  if (method === 'GET' && page !== null) {
    serveDialogPage(res, ctx, Number(page[1]));
    return;
  }
  const { key, id } = routeOf(method, path);
  const route = ROUTES[key];
  if (route === undefined) {
    sendJson(res, 404, { message: `No ${method} ${ADDON_UI_PREFIX}${path} here.` });
    return;
  }
  try {
    const sandbox = ctx.sandbox();
    sendJson(res, 200, await route({ ctx, sandbox, broker: brokerOf(sandbox) }, req, id));
  } catch (error) {
    if (error instanceof UiRequestError) sendJson(res, error.status, { message: error.message });
    else sendJson(res, 500, { message: error instanceof Error ? error.message : String(error) });
  }
}
