import type { IncomingMessage, ServerResponse } from 'node:http';
import { UiRequestError } from './addon-ui-broker';

/** The page's requests are small: an answer, a function name and its arguments. */
const MAX_BODY_BYTES = 1_000_000;

/**
 * The JSON body of a POST from the page. Only application/json is read: a page of another site cannot
 * send that without the browser asking first (CORS preflight), which this server never grants.
 */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new UiRequestError(415, `Content-Type: found "${type ?? ''}", expected application/json.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new UiRequestError(413, `The body is over ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new UiRequestError(400, 'The body is not JSON.');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new UiRequestError(400, 'The body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** A string field of the body, or a 400 naming it. */
export function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') {
    throw new UiRequestError(
      400,
      `${name}: found ${JSON.stringify(value) ?? 'nothing'}, expected a non-empty string.`,
    );
  }
  return value;
}
