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
