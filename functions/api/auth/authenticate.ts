import type { AuthMode } from '../../commons/env';
import type { ApiRequest } from '../http-types';
import { UnauthenticatedError } from './auth-errors';
import { DEV_USER_HEADER, devUserFrom } from './dev-user';
import type { Identity } from './identity';
import type { IdTokenVerifier } from './verify-id-token';

export type Authenticator = (request: ApiRequest) => Promise<Identity>;

export interface AuthenticatorOptions {
  mode: AuthMode;
  verifyIdToken: IdTokenVerifier;
}

/** A bearer token is always checked when present; the dev header is a fallback of the dev mode only. */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  return async (request) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined && authorization.trim() !== '') {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (match?.[1] === undefined) {
        throw new UnauthenticatedError('expected "Authorization: Bearer <Google ID token>"');
      }
      return options.verifyIdToken(match[1]);
    }
    const devUser = request.headers[DEV_USER_HEADER];
    if (devUser !== undefined) {
      if (options.mode !== 'dev') {
        throw new UnauthenticatedError(
          'X-Dev-User is accepted only by a local server started with AUTH_MODE=dev; send "Authorization: Bearer <Google ID token>"',
        );
      }
      return devUserFrom(devUser, request.remoteAddress);
    }
    throw new UnauthenticatedError(
      options.mode === 'dev'
        ? 'send "X-Dev-User: <email>" (dev mode) or "Authorization: Bearer <Google ID token>"'
        : 'send "Authorization: Bearer <Google ID token>" (ScriptApp.getIdentityToken() in the add-on)',
    );
  };
}
