import type { Identity } from './auth/identity';
import type { Container } from './container';
import type { ApiRequest, ApiResponse } from './http-types';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface RouteContext {
  request: ApiRequest;
  /** Path parameters, decoded: {projectId: "imagine"}. */
  params: Readonly<Record<string, string>>;
  container: Container;
}

export interface AuthenticatedRouteContext extends RouteContext {
  identity: Identity;
}

interface RouteBase {
  method: HttpMethod;
  /** "/v1/projects/:projectId/config": segments starting with ":" are parameters. */
  pattern: string;
}

export interface PublicRoute extends RouteBase {
  public: true;
  handle(context: RouteContext): Promise<ApiResponse>;
}

export interface ProtectedRoute extends RouteBase {
  public?: false;
  handle(context: AuthenticatedRouteContext): Promise<ApiResponse>;
}

export type Route = PublicRoute | ProtectedRoute;

export function ok(body: unknown, status = 200): ApiResponse {
  return { status, body };
}

/**
 * A file as a 200: its bytes, type, name and length, and nosniff, so a browser never reads it as
 * another type. `disposition` says whether it downloads or opens; `headers` adds a route's own.
 */
export function fileResponse(
  file: { bytes: Uint8Array; contentType: string; fileName: string },
  disposition: 'attachment' | 'inline',
  headers: Readonly<Record<string, string>> = {},
): ApiResponse {
  return {
    status: 200,
    body: null,
    bytes: file.bytes,
    headers: {
      'x-content-type-options': 'nosniff',
      ...headers,
      'content-type': file.contentType,
      'content-disposition': `${disposition}; filename="${file.fileName}"`,
      'content-length': String(file.bytes.length),
    },
  };
}
