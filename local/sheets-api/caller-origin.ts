import type { IncomingMessage } from 'node:http';
import { addressedByLoopbackName, isLoopbackOrigin } from '../loopback-caller';
import { SheetsApiError } from './sheets-api-error';

/**
 * The local Sheets API runs on a developer's machine: a web page the developer visits must not
 * reach it. DNS rebinding makes a page's own name point at 127.0.0.1, and its requests then arrive
 * with `Host: evil.example`; the same check as the API's dev mode (loopback-host.ts) refuses them,
 * on the API and on the control endpoints alike.
 */
export function checkHost(request: IncomingMessage): void {
  if (!addressedByLoopbackName(request)) {
    throw new SheetsApiError(
      'PERMISSION_DENIED',
      `The local Sheets API answers only requests addressed to localhost, 127.0.0.1 or [::1]; this one was addressed to "${(request.headers.host ?? '').slice(0, 100)}" (its Host header), as a web page would through DNS rebinding.`,
    );
  }
}

const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined && /^(127\.|::1$|::ffff:127\.)/.test(address);

/**
 * The control endpoints (/__local/...: share, faults, counters, the list of spreadsheets) have no
 * token: they answer only a process of this machine, never a web page. A page on another origin
 * can still send a "simple" cross-origin POST to 127.0.0.1 (its Host is then a loopback name), so
 * a request with a foreign Origin is refused, and a body must be application/json, which a page
 * cannot send cross-origin without a CORS preflight this server never grants.
 */
export function checkControlCaller(request: IncomingMessage): void {
  const refuse = (why: string) =>
    new SheetsApiError('PERMISSION_DENIED', `The local Sheets API's control endpoints ${why}.`);
  if (!isLoopbackAddress(request.socket.remoteAddress))
    throw refuse(
      `answer only this machine (loopback), not ${request.socket.remoteAddress ?? 'an unknown address'}`,
    );
  const origin = request.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin))
    throw refuse(`answer no web page: this request came from the page origin "${origin.slice(0, 100)}"`);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const type = request.headers['content-type'] ?? '';
    const length = request.headers['content-length'];
    const hasBody =
      request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    if (hasBody && !/^application\/json\b/i.test(type))
      throw refuse(`take a JSON body (Content-Type: application/json), not "${type.slice(0, 100)}"`);
  }
}
