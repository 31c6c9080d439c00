import type { IncomingMessage } from 'node:http';
import { ForbiddenError } from '../../functions/api/auth/auth-errors';
import { isLoopbackPeer } from '../../functions/api/auth/dev-user';
import { addressedByLoopbackName, isLoopbackOrigin } from '../loopback-caller';

/**
 * Choosing who to act as is the playground's stand-in for signing in, so it is held to the API's dev
 * mode rules: only this machine (the socket's peer), only a request addressed by a loopback name (a
 * page from evil.example rebinding its name to 127.0.0.1 arrives with `Host: evil.example`: the same
 * check as the API's, loopback-host.ts), and a change only from the playground's own page (no foreign
 * Origin, a JSON body, which another origin cannot send without a CORS preflight never granted here).
 * Throws ForbiddenError naming what was refused.
 */
export function requirePlaygroundCaller(request: IncomingMessage): void {
  if (!isLoopbackPeer(request.socket.remoteAddress)) {
    throw new ForbiddenError(
      `The playground answers only this machine (127.0.0.1 or ::1), not ${request.socket.remoteAddress ?? 'an unknown address'}`,
    );
  }
  if (!addressedByLoopbackName(request)) {
    throw new ForbiddenError(
      `The playground answers only pages addressed to localhost, 127.0.0.1 or [::1]; this one was addressed to "${(request.headers.host ?? '').slice(0, 100)}" (its Host header), as a web page would through DNS rebinding`,
    );
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) {
    throw new ForbiddenError(
      `The playground answers no other web page: this request came from "${origin.slice(0, 100)}"`,
    );
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const type = request.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new ForbiddenError(
        `The playground's actions take a JSON body (Content-Type: application/json), not "${type.slice(0, 100)}"`,
      );
    }
  }
}
