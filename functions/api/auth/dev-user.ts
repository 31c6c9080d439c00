import { z } from 'zod';
import { UnauthenticatedError } from './auth-errors';
import type { Identity } from './identity';

export const DEV_USER_HEADER = 'x-dev-user';

const LOOPBACK_PEERS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** Built once: a zod schema per request showed in the profile of every local edit. */
const EMAIL = z.email();

/** The socket peer, never X-Forwarded-For: a proxy header is exactly what a remote caller could forge. */
export function isLoopbackPeer(remoteAddress: string | undefined): boolean {
  return remoteAddress !== undefined && LOOPBACK_PEERS.has(remoteAddress);
}

/**
 * The local mode of `npm start`: trusts `X-Dev-User: <email>` instead of a signed token. Only reached
 * when AUTH_MODE=dev, which env.ts refuses on Lambda, Cloud Functions and non-loopback hosts.
 */
export function devUserFrom(headerValue: string, remoteAddress: string | undefined): Identity {
  if (!isLoopbackPeer(remoteAddress)) {
    throw new UnauthenticatedError(
      `X-Dev-User is accepted from 127.0.0.1 or ::1 only, this request came from ${remoteAddress ?? 'an unknown address'}`,
    );
  }
  const email = EMAIL.safeParse(headerValue.trim());
  if (!email.success) {
    throw new UnauthenticatedError(`X-Dev-User must be an e-mail address, found "${headerValue}"`);
  }
  return { email: email.data.toLowerCase(), via: 'dev' };
}
