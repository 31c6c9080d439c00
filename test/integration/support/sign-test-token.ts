import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';

/**
 * Tests' own identity provider: an RSA key pair made here, tokens shaped like the ones
 * ScriptApp.getIdentityToken() returns, signed RS256 with node:crypto. The server under test is given
 * the public keys instead of Google's, so no network is needed.
 */
export const TEST_AUDIENCE = '1234567890-addon.apps.googleusercontent.com';

export interface IdTokenClaims {
  iss: string;
  aud: string;
  sub: string;
  email?: string;
  email_verified?: boolean;
  iat: number;
  exp: number;
  [claim: string]: unknown;
}

export interface TestSigner {
  kid: string;
  /** kid → PEM public key: what the server's SigningKeysProvider returns. */
  publicKeys: Record<string, string>;
  sign(claims: Partial<IdTokenClaims>, header?: Record<string, unknown>): string;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function googleLikeClaims(overrides: Partial<IdTokenClaims> = {}): IdTokenClaims {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: 'https://accounts.google.com',
    aud: TEST_AUDIENCE,
    sub: '10769150350006150715113082367',
    email: 'coordinator@imagine.example.org',
    email_verified: true,
    iat: now,
    exp: now + 3600,
    ...overrides,
  };
}

export function createTestSigner(kid = `test-${randomUUID()}`): TestSigner {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid,
    publicKeys: { [kid]: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    sign(claims, header = {}) {
      const signed = `${base64url({ alg: 'RS256', typ: 'JWT', kid, ...header })}.${base64url(googleLikeClaims(claims))}`;
      const signature = createSign('RSA-SHA256').update(signed).sign(privateKey).toString('base64url');
      return `${signed}.${signature}`;
    },
  };
}

/** The classic forgery: "alg": "none" and no signature, naming a key id the server knows. */
export function unsignedToken(kid: string, claims: Partial<IdTokenClaims> = {}): string {
  return `${base64url({ alg: 'none', typ: 'JWT', kid })}.${base64url(googleLikeClaims(claims))}.`;
}
