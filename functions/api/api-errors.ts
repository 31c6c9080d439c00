/**
 * Errors the HTTP layer raises about the request itself. http-errors.ts maps them (and the domain's
 * and storage's errors) to status codes, in one place.
 */
export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class MalformedBodyError extends ApiError {}

/** A path segment that is not valid percent-encoding (e.g. "%E0%A4%A"): the URL, not the body, is at fault. */
export class MalformedPathError extends ApiError {}

/** The body parsed but does not match the contract; `problems` name each field. */
export class InvalidRequestError extends ApiError {
  constructor(readonly problems: string[]) {
    super(`The request is invalid: ${problems.join('; ')}`);
  }
}

export class PayloadTooLargeError extends ApiError {}

export class RouteNotFoundError extends ApiError {
  constructor(method: string, path: string) {
    super(`No route for ${method} ${path}: see docs/deploy.md for the routes under /v1/projects/{id}`);
  }
}

export class MethodNotAllowedError extends ApiError {
  constructor(
    method: string,
    path: string,
    readonly allowed: string[],
  ) {
    super(`${method} is not allowed on ${path}; use ${allowed.join(' or ')}`);
  }
}

export class ProjectNotFoundError extends ApiError {
  constructor(readonly projectId: string) {
    super(
      `Project "${projectId}" has no configuration yet: a coordinator PUTs it to /v1/projects/${projectId}/config`,
    );
  }
}

export class InstallationNotFoundError extends ApiError {
  constructor(projectId: string, installationId: string, known: readonly string[]) {
    super(
      `Project "${projectId}" has no installation "${installationId}"; expected one of ${known.join(', ')}`,
    );
  }
}
