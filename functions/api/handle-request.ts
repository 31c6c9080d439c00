import type { Container } from './container';
import { errorResponse } from './http-errors';
import type { ApiRequest, ApiResponse } from './http-types';
import { matchRoute } from './match-route';
import { assertBodySize } from './request-body';
import type { Route } from './route';
import { ROUTES } from './route-table';
import { withJsonHeaders } from './write-response';

/**
 * Every platform adapter (Functions Framework, Lambda) ends here: refuse an oversized body, match the
 * route, admit the request (the dev mode's Host check), authenticate unless the route is public, run
 * it, and turn any typed error into its status code. Never throws. The size comes first so that a
 * huge body costs no token work, whatever the route and whether or not the caller is authenticated.
 */
export async function handleApiRequest(
  request: ApiRequest,
  container: () => Container,
  routes: readonly Route[] = ROUTES,
): Promise<ApiResponse> {
  let log: (line: string) => void = console.error;
  try {
    assertBodySize(request);
    const { route, params } = matchRoute(routes, request.method, request.path);
    const services = container();
    log = services.log;
    services.admitRequest(request);
    if (route.public === true) {
      return withJsonHeaders(await route.handle({ request, params, container: services }));
    }
    const identity = await services.authenticate(request);
    return withJsonHeaders(await route.handle({ request, params, container: services, identity }));
  } catch (error) {
    return withJsonHeaders(errorResponse(error, log));
  }
}
