import { MethodNotAllowedError, RouteNotFoundError } from './api-errors';
import { decodePathSegments } from './decode-path';
import type { Route } from './route';

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

function matchPattern(
  pattern: string,
  rawSegments: readonly string[],
  decodedSegments: readonly string[],
): Record<string, string> | null {
  const expected = pattern.split('/').filter(Boolean);
  if (expected.length !== rawSegments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    if (segment.startsWith(':')) {
      params[segment.slice(1)] = decodedSegments[index] ?? '';
    } else if (segment !== rawSegments[index]) {
      return null;
    }
  }
  return params;
}

/**
 * The route for method + path; 400 when a segment is not valid percent-encoding, 404 when no pattern
 * matches, 405 when only the method is wrong.
 */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const rawSegments = path.split('/').filter(Boolean);
  const decodedSegments = decodePathSegments(path);
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPattern(route.pattern, rawSegments, decodedSegments);
    if (params === null) continue;
    if (route.method === method.toUpperCase()) return { route, params };
    allowed.push(route.method);
  }
  if (allowed.length > 0) throw new MethodNotAllowedError(method.toUpperCase(), path, allowed);
  throw new RouteNotFoundError(method.toUpperCase(), path);
}
