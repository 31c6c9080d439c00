import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The page-side client scripts, read once: the project's own files, nothing from a CDN. */
export const CLIENT_DIR = join(__dirname, 'client');
const BRIDGE = readFileSync(join(CLIENT_DIR, 'script-bridge.js'), 'utf8');

/**
 * What HtmlService served, as the iframe shows it: `google.script` (run, host) is defined before any
 * of the page's own scripts run, as in Apps Script's sandboxed iframe
 * (https://developers.google.com/apps-script/guides/html/reference/run), then the content unchanged.
 */
export function servedPage(content: string): string {
  // A "</script" inside the bridge's text would end its element early; the file has none.
  const script = `<script>${BRIDGE}</script>`;
  const head = /<head[^>]*>/i.exec(content);
  if (head !== null) {
    const at = head.index + head[0].length;
    return `${content.slice(0, at)}${script}${content.slice(at)}`;
  }
  return `${script}${content}`;
}
