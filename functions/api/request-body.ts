import { MalformedBodyError, PayloadTooLargeError } from './api-errors';
import { MAX_BODY_BYTES } from './contract';
import type { ApiRequest } from './http-types';

function tooLarge(bytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `The request body has ${bytes.toLocaleString('en-GB')} bytes; at most ${MAX_BODY_BYTES.toLocaleString('en-GB')} are accepted: send a large paste in several requests`,
  );
}

/** Refuses a body over the limit from its declared or actual size, before anything parses it. */
export function assertBodySize(request: ApiRequest): void {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge(declared);
  if (request.rawBody !== undefined && request.rawBody.byteLength > MAX_BODY_BYTES) {
    throw tooLarge(request.rawBody.byteLength);
  }
}

function parseJsonText(text: string): unknown {
  if (text.trim() === '') throw new MalformedBodyError('The request has no body: expected a JSON object');
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new MalformedBodyError(`The request body is not valid JSON (${detail}): expected a JSON object`);
  }
}

/**
 * The body as JSON. The raw bytes win when the platform kept them, so every platform parses the
 * same way; a body the platform parsed already (Functions Framework with application/json) is used as is.
 */
export function readJsonBody(request: ApiRequest): unknown {
  assertBodySize(request);
  if (request.rawBody !== undefined && request.rawBody.byteLength > 0) {
    return parseJsonText(Buffer.from(request.rawBody).toString('utf8'));
  }
  const body = request.parsedBody;
  if (body instanceof Uint8Array) return parseJsonText(Buffer.from(body).toString('utf8'));
  if (typeof body === 'string') return parseJsonText(body);
  if (body === undefined || body === null) return parseJsonText('');
  return body;
}
