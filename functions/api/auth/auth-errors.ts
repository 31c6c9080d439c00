/** No usable identity: missing, malformed, expired, forged or foreign token (401). */
export class UnauthenticatedError extends Error {
  /**
   * `tokenAudience`: the `aud` of a correctly signed token refused for its audience. It is not a
   * secret to the token's own holder, and it is what the deployer must copy into OIDC_AUDIENCE.
   */
  constructor(
    readonly reason: string,
    readonly tokenAudience?: string,
  ) {
    super(`Not authenticated: ${reason}`);
    this.name = 'UnauthenticatedError';
  }
}

/** A known identity without the role the action needs (403). */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** Google's signing keys could not be fetched: not the caller's fault, worth retrying (503). */
export class IdentityProviderUnavailableError extends Error {
  readonly retryable = true;
  constructor(cause: unknown) {
    super("The identity provider's signing keys could not be fetched; retry shortly", { cause });
    this.name = 'IdentityProviderUnavailableError';
  }
}
