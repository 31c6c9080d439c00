import { UnauthenticatedError } from './auth-errors';

/**
 * How far this server's clock and the identity provider's may disagree. google-auth-library allows
 * 300 s after `exp` and never reads `nbf`; a stolen token would then live five minutes past its end.
 * Google's own servers and ours run on NTP, so a minute covers any honest drift.
 */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;

interface TimeClaims {
  exp?: unknown;
  nbf?: unknown;
  iat?: unknown;
}

const isoOf = (seconds: number) => new Date(Math.floor(seconds) * 1000).toISOString().replace('.000Z', 'Z');

function secondsClaim(claims: TimeClaims, name: keyof TimeClaims): number | undefined {
  const value = claims[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new UnauthenticatedError(
      `the token's "${name}" is not a time in seconds (found ${JSON.stringify(value)})`,
    );
  }
  return value;
}

/**
 * The token's times against this server's clock, allowing TOKEN_CLOCK_SKEW_SECONDS either way:
 * expired (`exp`), not valid yet (`nbf`), or issued in the future (`iat`). `exp` and `iat` are required.
 */
export function checkTokenTimes(claims: TimeClaims, nowSeconds: number): void {
  const skew = TOKEN_CLOCK_SKEW_SECONDS;
  const exp = secondsClaim(claims, 'exp');
  const iat = secondsClaim(claims, 'iat');
  const nbf = secondsClaim(claims, 'nbf');
  if (exp === undefined || iat === undefined) throw new UnauthenticatedError('the token lacks iat or exp');
  if (nowSeconds > exp + skew) {
    throw new UnauthenticatedError(
      `the token expired at ${isoOf(exp)}, more than ${skew} s before this server's time ${isoOf(nowSeconds)}: get a fresh one`,
    );
  }
  if (nbf !== undefined && nowSeconds < nbf - skew) {
    throw new UnauthenticatedError(
      `the token is not valid before ${isoOf(nbf)}, more than ${skew} s after this server's time ${isoOf(nowSeconds)}`,
    );
  }
  if (iat > nowSeconds + skew) {
    throw new UnauthenticatedError(
      `the token was issued at ${isoOf(iat)}, more than ${skew} s after this server's time ${isoOf(nowSeconds)}: check the clocks`,
    );
  }
}
