import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { IdentityTokenSigner } from './apps-script-host';

/**
 * A key pair of our own standing in for Google's: the sandbox's ScriptApp.getIdentityToken() signs
 * with it (RS256, claims shaped as Google's) and the router is given `publicKeys` instead of Google's
 * certificates, so the OIDC path runs whole without a network.
 */
export interface LocalIdentitySigner extends IdentityTokenSigner {
  /** kid → PEM public key: what the container's `signingKeys` returns. */
  publicKeys: Record<string, string>;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function createLocalIdentitySigner(audience: string): LocalIdentitySigner {
  const kid = `local-${randomUUID()}`;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicKeys: { [kid]: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    sign(claims) {
      const now = Math.floor(Date.now() / 1000);
      const payload = {
        iss: 'https://accounts.google.com',
        aud: audience,
        iat: now,
        exp: now + 3600,
        ...claims,
      };
      const signed = `${base64url({ alg: 'RS256', typ: 'JWT', kid })}.${base64url(payload)}`;
      return `${signed}.${createSign('RSA-SHA256').update(signed).sign(privateKey).toString('base64url')}`;
    },
  };
}
