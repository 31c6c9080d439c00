import type { IncomingMessage } from 'node:http';
import { ForbiddenError } from '../functions/api/auth/auth-errors';
import { requireLoopbackHost } from '../functions/api/auth/loopback-host';

/**
 * Whether a request to a local stand-in was addressed by a loopback name. A web page whose name was
 * rebound to 127.0.0.1 (DNS rebinding) arrives with `Host: evil.example`: the same check as the API's
 * dev mode (loopback-host.ts) refuses it, so the stand-ins and the API agree on what "local" means.
 */
export function addressedByLoopbackName(request: IncomingMessage): boolean {
  try {
    requireLoopbackHost({
      method: request.method ?? 'GET',
      path: '/',
      query: {},
      headers: { host: request.headers.host },
      remoteAddress: request.socket.remoteAddress,
    });
    return true;
  } catch (error) {
    if (error instanceof ForbiddenError) return false;
    throw error;
  }
}

/** "http://localhost:3000" → true; any other origin (or "null", a sandboxed page) → false. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const { hostname } = new URL(origin);
    return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  } catch {
    return false;
  }
}
