import type { ApiRequest } from '../http-types';
import { ForbiddenError } from './auth-errors';

/** The names a browser on this machine uses for the local server; anything else came through DNS. */
const LOOPBACK_HOST_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** "LocalHost:8080" → "localhost"; "[::1]:8080" → "[::1]". */
function hostNameOf(host: string): string {
  const name = host.trim().toLowerCase();
  const port = /:\d*$/.exec(name);
  // An IPv6 literal keeps its brackets; its own colons are inside them.
  return port === null || name.endsWith(']') ? name : name.slice(0, port.index);
}

/**
 * DNS rebinding: a web page from evil.example can point its own name at 127.0.0.1, and the browser
 * then sends the page's requests (with any header, X-Dev-User included) to the dev server with
 * `Host: evil.example`. The dev mode answers only requests addressed by a loopback name. A request
 * without Host did not come from a browser (every browser sends one), so it is not the threat.
 */
export function requireLoopbackHost(request: ApiRequest): void {
  const host = request.headers.host;
  if (host === undefined || LOOPBACK_HOST_NAMES.has(hostNameOf(host))) return;
  throw new ForbiddenError(
    `The dev mode (AUTH_MODE=dev) answers only requests addressed to localhost, 127.0.0.1 or [::1]; ` +
      `this one was addressed to "${host.slice(0, 100)}" (its Host header), as a web page would through DNS rebinding`,
  );
}
