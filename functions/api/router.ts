import type { Domain } from 'node:domain';
import type { HttpFunction, Request } from '@google-cloud/functions-framework';
import * as functions from '@google-cloud/functions-framework';
import { type Container, getProcessContainer } from './container';
import { handleApiRequest } from './handle-request';
import type { ApiRequest } from './http-types';
import { writeResponse } from './write-response';

/** The name to deploy with (`--entry-point vaAssessApi`) and to serve locally (`--target`). */
export const FUNCTION_NAME = 'vaAssessApi';

function firstValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

function flatten(record: Record<string, unknown>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, firstValue(value)]));
}

export function fromFrameworkRequest(req: Request): ApiRequest {
  return {
    method: req.method,
    path: req.path,
    query: flatten(req.query as Record<string, unknown>),
    headers: flatten(req.headers),
    // The bytes, always: the framework leaves {} for an empty JSON body, which must not pass for one.
    rawBody: req.rawBody ?? Buffer.alloc(0),
    // The socket peer: the framework trusts X-Forwarded-For in req.ip, which a caller can set.
    remoteAddress: req.socket.remoteAddress,
  };
}

/**
 * Leaves the `domain` the Functions Framework runs each call in. The framework creates one per request
 * only to answer errors a function leaves uncaught, and handleApiRequest never throws. Inside a
 * domain, Node pairs every promise and timer the request creates with it and tracks each until it is
 * destroyed: under load that took about a fifth of the router's CPU (npm run bench:api), deployed on
 * Cloud Functions as much as locally. An error thrown from a stray callback still reaches the
 * framework's process-wide handler, which answers 500 and restarts the instance.
 */
function leaveFrameworkDomain(): void {
  (process as { domain?: Domain | null }).domain?.exit();
}

/** The Functions Framework HTTP function for every route; `container` is called once per request. */
export function createHttpHandler(container: () => Container): HttpFunction {
  return async (req, res) => {
    leaveFrameworkDomain();
    writeResponse(res, await handleApiRequest(fromFrameworkRequest(req), container));
  };
}

/** The deployed router: its container is built from process.env on the first request. */
export const vaAssessApi: HttpFunction = createHttpHandler(getProcessContainer);

functions.http(FUNCTION_NAME, vaAssessApi);
