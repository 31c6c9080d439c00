import { OAuth2Client } from 'google-auth-library';
import { IdentityProviderUnavailableError, UnauthenticatedError } from './auth-errors';
import type { Identity } from './identity';
import { checkTokenTimes } from './token-times';

/** Key id → PEM public key (or X.509 certificate), as Google publishes them. */
export type SigningKeys = Record<string, string>;
export type SigningKeysProvider = () => Promise<SigningKeys>;

export type IdTokenVerifier = (token: string) => Promise<Identity>;

export interface IdTokenVerifierOptions {
  /** Accepted `aud` values: the add-on's OAuth client id. Never empty: without it any Google token passes. */
  audience: readonly string[];
  issuers: readonly string[];
  keys: SigningKeysProvider;
  /**
   * This server's clock in seconds since the epoch (the system clock by default). It is the token's
   * clock, not the container's business clock: tests fix that one at a date in the past.
   */
  nowSeconds?: () => number;
}

/**
 * Google's published signing certificates. google-auth-library caches them for as long as the
 * response's Cache-Control allows, so this is one fetch per key rotation, not per request.
 */
export function googleSigningKeys(client: OAuth2Client = new OAuth2Client()): SigningKeysProvider {
  return async () => {
    try {
      const { certs } = await client.getFederatedSignonCertsAsync();
      return certs as SigningKeys;
    } catch (error) {
      throw new IdentityProviderUnavailableError(error);
    }
  };
}

interface TokenHeader {
  alg?: unknown;
  kid?: unknown;
}

function decodePart(token: string, index: 0 | 1): Record<string, unknown> {
  const part = token.split('.')[index];
  try {
    const decoded: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    if (decoded === null || typeof decoded !== 'object') throw new Error('not an object');
    return decoded as Record<string, unknown>;
  } catch {
    throw new UnauthenticatedError('the bearer token is not a JWT (expected header.payload.signature)');
  }
}

const decodeHeader = (token: string): TokenHeader => decodePart(token, 0);

/** google-auth-library checks times only once the signature holds: its payload is then the signed one. */
const isTimeFailure = (error: unknown) =>
  error instanceof Error && /^Token used too (late|early)/.test(error.message);

/** google-auth-library checks the audience after the signature, issuer and times: the aud is the signed one. */
const isAudienceFailure = (error: unknown) =>
  error instanceof Error && error.message.startsWith('Wrong recipient');

/** The refusal names the token's own aud, so the deployer can copy it into OIDC_AUDIENCE. */
function audienceRefusal(payload: Record<string, unknown>): UnauthenticatedError {
  const aud = typeof payload.aud === 'string' ? payload.aud.slice(0, 200) : undefined;
  return aud === undefined
    ? new UnauthenticatedError('the token was issued for another audience')
    : new UnauthenticatedError(
        `the token was issued for another audience: its aud is "${aud}", which this server's OIDC_AUDIENCE does not list`,
        aud,
      );
}

/** google-auth-library's messages embed the whole token; the caller gets the reason only. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('No pem found')) return 'the token is signed by an unknown key';
  if (message.startsWith('Invalid token signature')) return 'the token signature is invalid';
  if (message.startsWith('Token used too late')) return 'the token has expired';
  if (message.startsWith('Token used too early')) return 'the token is not valid yet';
  if (message.startsWith('Expiration time too far')) return 'the token expires too far in the future';
  if (message.startsWith('Invalid issuer'))
    return 'the token was issued by an issuer this server does not accept';
  if (message.startsWith('Wrong recipient')) return 'the token was issued for another audience';
  if (message.startsWith('No issue time') || message.startsWith('No expiration time')) {
    return 'the token lacks iat or exp';
  }
  return 'the token is malformed';
}

/**
 * Verifies a Google OIDC ID token (what ScriptApp.getIdentityToken() sends): RS256 signature by one of
 * the provider's keys, issuer, audience and times (exp, nbf, iat within TOKEN_CLOCK_SKEW_SECONDS),
 * then requires a verified e-mail.
 */
export function createIdTokenVerifier(options: IdTokenVerifierOptions): IdTokenVerifier {
  if (options.audience.length === 0) {
    throw new Error('createIdTokenVerifier needs an audience: without one any Google ID token would pass');
  }
  const client = new OAuth2Client();
  const audience = [...options.audience];
  const issuers = [...options.issuers];
  const nowSeconds = options.nowSeconds ?? (() => Date.now() / 1000);
  return async (token) => {
    const header = decodeHeader(token);
    // Google signs ID tokens with RS256; anything else ("none", HS256 with a public key...) is a forgery.
    if (header.alg !== 'RS256') {
      throw new UnauthenticatedError(
        `token algorithm "${String(header.alg)}" is not accepted (expected RS256)`,
      );
    }
    const keys = await options.keys();
    let payload: Record<string, unknown> | undefined;
    try {
      const ticket = await client.verifySignedJwtWithCertsAsync(token, keys, audience, issuers);
      payload = ticket.getPayload() as Record<string, unknown> | undefined;
    } catch (error) {
      // The library's own window (300 s) is wider than ours: its refusal is ours too, with our reason.
      if (isTimeFailure(error)) checkTokenTimes(decodePart(token, 1), nowSeconds());
      if (isAudienceFailure(error)) throw audienceRefusal(decodePart(token, 1));
      throw new UnauthenticatedError(reasonOf(error));
    }
    checkTokenTimes(payload ?? {}, nowSeconds());
    const email = payload?.email;
    if (typeof email !== 'string' || email.length === 0) {
      throw new UnauthenticatedError('the token carries no e-mail (request the userinfo.email scope)');
    }
    const verified = payload?.email_verified;
    if (verified !== true && verified !== 'true') {
      throw new UnauthenticatedError(`the e-mail ${email} is not verified by the identity provider`);
    }
    return { email: email.toLowerCase(), via: 'oidc' };
  };
}
