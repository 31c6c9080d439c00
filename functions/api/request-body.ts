import { MAX_BODY_BYTES } from '../contract/contract';
import { MalformedBodyError, PayloadTooLargeError } from './api-errors';
import type { ApiRequest } from './http-types';

const bytes = (count: number) => count.toLocaleString('en-GB');

/**
 * The 413 of a body over the limit, with its size when known. A body streamed without a length is
 * refused as soon as it passes the limit, so its full size is never learnt (`undefined`).
 */
export function payloadTooLarge(size: number | undefined): PayloadTooLargeError {
  const advice = 'send a large paste in several requests';
  return new PayloadTooLargeError(
    size === undefined
      ? `The request body went past ${bytes(MAX_BODY_BYTES)} bytes, the most accepted, while it was being sent: ${advice}`
      : `The request body has ${bytes(size)} bytes; at most ${bytes(MAX_BODY_BYTES)} are accepted: ${advice}`,
  );
}

/** The declared Content-Length, when it is a plain number of bytes. */
export function declaredBodyBytes(headers: Readonly<Record<string, string | undefined>>): number | undefined {
  const header = headers['content-length']?.trim();
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
}

/**
 * Refuses a body over the limit from its declared, reported or actual size. handleApiRequest calls it
 * before matching a route or reading a token, so an oversized request costs no token work.
 */
export function assertBodySize(request: ApiRequest): void {
  const sizes = [declaredBodyBytes(request.headers), request.bodyBytes, request.rawBody?.byteLength];
  const largest = Math.max(0, ...sizes.filter((size): size is number => size !== undefined));
  if (largest > MAX_BODY_BYTES) throw payloadTooLarge(largest);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Every body of this API is a JSON object; anything else says what it is instead. */
export function parseJsonObjectText(text: string): Record<string, unknown> {
  if (text.trim() === '') throw new MalformedBodyError('The request has no body: expected a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new MalformedBodyError(`The request body is not valid JSON (${detail}): expected a JSON object`);
  }
  return asJsonObject(value);
}

function asJsonObject(value: unknown): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  throw new MalformedBodyError(
    `The request body is JSON but not an object: found ${kindOf(value)}; expected a JSON object such as {"cells": [...]}`,
  );
}

/**
 * The body as a JSON object. The raw bytes win when the platform kept them, so every platform parses
 * the same way; a body the platform parsed already (Functions Framework with application/json) is used as is.
 */
export function readJsonBody(request: ApiRequest): Record<string, unknown> {
  assertBodySize(request);
  if (request.rawBody !== undefined && request.rawBody.byteLength > 0) {
    return parseJsonObjectText(Buffer.from(request.rawBody).toString('utf8'));
  }
  const body = request.parsedBody;
  if (body instanceof Uint8Array) return parseJsonObjectText(Buffer.from(body).toString('utf8'));
  if (typeof body === 'string') return parseJsonObjectText(body);
  if (body === undefined || body === null) return parseJsonObjectText('');
  return asJsonObject(body);
}
