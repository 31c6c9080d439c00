import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlaygroundContext } from '../playground-context';

/**
 * Every request under /playground/addon/: the add-on's menu, sidebars, dialogs, alerts and prompts
 * bridged to the double. Not built yet: answers 501 so that the page says so instead of guessing.
 */
export async function handleAddonUiRequest(
  _request: IncomingMessage,
  response: ServerResponse,
  _context: PlaygroundContext,
): Promise<void> {
  response.writeHead(501, { 'content-type': 'application/json; charset=utf-8' });
  response.end(
    JSON.stringify({ error: { code: 'NOT_IMPLEMENTED', message: 'The add-on UI is not built yet.' } }),
  );
}
