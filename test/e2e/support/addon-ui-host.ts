import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AddonSandbox } from '../../../local/apps-script';
import { ADDON_UI_PREFIX, handleAddonUiRequest } from '../../../local/playground/addon-ui';

/**
 * A minimal host page for the add-on's UI (the playground's page has more: the grid): the same
 * contract — a `#addon-menu` element, /playground/addon/addon-ui.js, mount({ menuElement, actingAs,
 * onChange }) — and an "Acting as" list whose choice the server's actingAs() follows.
 */
const PAGE = (people: readonly string[]) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>va-assess playground</title></head>
<body>
<label>Acting as <select id="acting">${people.map((email) => `<option>${email}</option>`).join('')}</select></label>
<div id="addon-menu"></div>
<output id="changes">0</output>
<script src="${ADDON_UI_PREFIX}addon-ui.js"></script>
<script>
  var acting = document.getElementById('acting');
  acting.addEventListener('change', function () {
    fetch('/acting', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: acting.value }) });
  });
  window.vaAddonUi.mount({
    menuElement: document.getElementById('addon-menu'),
    actingAs: function () { return acting.value; },
    onChange: function () { var out = document.getElementById('changes'); out.textContent = String(Number(out.textContent) + 1); },
  });
</script>
</body></html>`;

export interface AddonUiHostPage {
  url: string;
  /** Who the server runs executions as (what the page's "Acting as" last told it). */
  actingAs(): string;
  close(): Promise<void>;
}

export async function startAddonUiHost(
  sandbox: () => AddonSandbox,
  people: readonly string[],
): Promise<AddonUiHostPage> {
  let acting = people[0] ?? '';
  const ctx = { sandbox, actingAs: () => acting, changed: () => undefined };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith(ADDON_UI_PREFIX)) {
      void handleAddonUiRequest(req, res, ctx);
      return;
    }
    if (req.method === 'POST' && path === '/acting') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        acting = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { email: string }).email;
        res.writeHead(204).end();
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE(people));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    actingAs: () => acting,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
