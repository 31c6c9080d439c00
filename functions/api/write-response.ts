import type { ServerResponse } from 'node:http';
import type { ApiResponse } from './http-types';

/** Every JSON answer carries these, whatever produced it: a route, an error, the framework. */
const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
};

/** An answer with the JSON headers, unless it set its own (a report file sets its content type). */
export function withJsonHeaders(response: ApiResponse): ApiResponse {
  return { ...response, headers: { ...JSON_HEADERS, ...response.headers } };
}

/**
 * Writes an answer on a Node response: the Functions Framework's (an Express response is one) or a
 * server we run ourselves. Plain Node rather than Express's send: a JSON answer leaves in the same
 * write as its headers, and under load Express's send cost the router 5 to 10% of its edits/s
 * (npm run bench:api). Headers are set one by one, so two names differing only in case stay one.
 */
export function writeResponse(res: ServerResponse, response: ApiResponse): void {
  const body =
    response.bytes === undefined ? (JSON.stringify(response.body) ?? '') : Buffer.from(response.bytes);
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}
