import { UnauthenticatedError } from '../../../functions/api/auth/auth-errors';
import { TOKEN_CLOCK_SKEW_SECONDS } from '../../../functions/api/auth/token-times';
import { createIdTokenVerifier } from '../../../functions/api/auth/verify-id-token';
import { createTestSigner, TEST_AUDIENCE } from '../../integration/support/sign-test-token';

/**
 * Token times against the server's clock, with a documented skew of at most a minute. Tokens are
 * signed by the tests' own key; google-auth-library still checks the signature, audience and issuer.
 */
describe('ID token times (exp, nbf, iat) with a clock skew of TOKEN_CLOCK_SKEW_SECONDS', () => {
  const signer = createTestSigner();
  // One "now" for the server, the token's times are set relative to it; the library reads the
  // system clock itself, which is within a second of it.
  const now = Math.floor(Date.now() / 1000);
  const verify = createIdTokenVerifier({
    audience: [TEST_AUDIENCE],
    issuers: ['https://accounts.google.com'],
    keys: async () => signer.publicKeys,
    nowSeconds: () => now,
  });
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

  async function refusal(claims: Record<string, unknown>): Promise<string> {
    try {
      await verify(signer.sign(claims));
    } catch (error) {
      if (error instanceof UnauthenticatedError) return error.reason;
      throw error;
    }
    throw new Error('the token was accepted');
  }

  it('is at most a minute', () => {
    expect(TOKEN_CLOCK_SKEW_SECONDS).toBeLessThanOrEqual(60);
  });

  it('refuses a token 90 s past its exp (google-auth-library alone allows 300 s) and says when it expired', async () => {
    const exp = now - 90;
    expect(await refusal({ iat: exp - 3600, exp })).toBe(
      `the token expired at ${iso(exp)}, more than 60 s before this server's time ${iso(now)}: get a fresh one`,
    );
  });

  it('says when a long-expired token expired too', async () => {
    const exp = now - 7200;
    expect(await refusal({ iat: exp - 3600, exp })).toContain(`the token expired at ${iso(exp)}`);
  });

  it('accepts a token 30 s past its exp: within the skew', async () => {
    const identity = await verify(signer.sign({ iat: now - 3630, exp: now - 30, email: 'a@example.org' }));
    expect(identity).toEqual({ email: 'a@example.org', via: 'oidc' });
  });

  it('refuses a token whose nbf is 120 s ahead (the library never reads nbf)', async () => {
    const nbf = now + 120;
    expect(await refusal({ nbf })).toBe(
      `the token is not valid before ${iso(nbf)}, more than 60 s after this server's time ${iso(now)}`,
    );
  });

  it('accepts a token whose nbf is 30 s ahead, or past', async () => {
    await expect(verify(signer.sign({ nbf: now + 30 }))).resolves.toMatchObject({ via: 'oidc' });
    await expect(verify(signer.sign({ nbf: now - 600 }))).resolves.toMatchObject({ via: 'oidc' });
  });

  it('refuses a token issued 120 s in the future (the library allows 300 s)', async () => {
    const iat = now + 120;
    expect(await refusal({ iat, exp: iat + 3600 })).toBe(
      `the token was issued at ${iso(iat)}, more than 60 s after this server's time ${iso(now)}: check the clocks`,
    );
  });

  it('refuses an nbf that is not a number of seconds', async () => {
    expect(await refusal({ nbf: 'tomorrow' })).toBe(
      'the token\'s "nbf" is not a time in seconds (found "tomorrow")',
    );
  });
});
