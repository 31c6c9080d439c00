import { type EnvSource, parseEnv } from '../commons/env';
import { withSecretsFromArns } from '../commons/secrets';
import { MAX_BODY_BYTES } from '../contract/contract';
import { buildContainer, type Container, type ContainerOverrides } from './container';
import { handleApiRequest } from './handle-request';
import type { ApiRequest } from './http-types';

/** The fields of an API Gateway HTTP API (payload format 2.0) event this adapter reads. */
export interface HttpApiEvent {
  rawPath: string;
  rawQueryString?: string;
  headers?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: { http: { method: string; sourceIp?: string } };
}

export interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  /** True for a file (a report): API Gateway decodes the base64 body, which is a third larger than the file. */
  isBase64Encoded?: boolean;
}

/** The body's size in bytes, read from the event's text without decoding it. */
export function eventBodyBytes(event: Pick<HttpApiEvent, 'body' | 'isBase64Encoded'>): number {
  if (event.body === undefined) return 0;
  if (event.isBase64Encoded !== true) return Buffer.byteLength(event.body, 'utf8');
  // Base64 carries 3 bytes in every 4 characters; trailing "=" pad the last group.
  const padding = event.body.endsWith('==') ? 2 : event.body.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((event.body.length * 3) / 4) - padding);
}

/**
 * The event as the routes see it. A body over the limit is left undecoded: handleApiRequest refuses
 * it from `bodyBytes` before authentication, so a large event costs neither a copy nor token work.
 */
export function fromHttpApiEvent(event: HttpApiEvent): ApiRequest {
  const headers = Object.fromEntries(
    Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const query = Object.fromEntries(new URLSearchParams(event.rawQueryString ?? '').entries());
  const bodyBytes = eventBodyBytes(event);
  const rawBody =
    event.body === undefined || bodyBytes > MAX_BODY_BYTES
      ? undefined
      : Buffer.from(event.body, event.isBase64Encoded === true ? 'base64' : 'utf8');
  return {
    method: event.requestContext.http.method,
    path: event.rawPath,
    query,
    headers,
    rawBody,
    bodyBytes,
    remoteAddress: event.requestContext.http.sourceIp,
  };
}

/** Same routes as the Functions Framework router, without Express: event in, result out. */
export function createLambdaHandler(container: () => Container) {
  return async (event: HttpApiEvent): Promise<HttpApiResult> => {
    const response = await handleApiRequest(fromHttpApiEvent(event), container);
    if (response.bytes !== undefined) {
      return {
        statusCode: response.status,
        headers: response.headers ?? {},
        body: Buffer.from(response.bytes).toString('base64'),
        isBase64Encoded: true,
      };
    }
    return {
      statusCode: response.status,
      headers: response.headers ?? {},
      body: JSON.stringify(response.body),
    };
  };
}

/**
 * A handler for one Lambda instance: on its first request (the cold start) it parses `source`, reads
 * the secrets its *_ARN variables name from Secrets Manager and builds the container, then serves
 * every request with it. Until that succeeds each request tries again and answers the error as any
 * route would (a wrong variable or secret: 500 "misconfigured", naming it; details in the log only).
 */
export function lambdaHandlerFor(source: EnvSource, overrides: ContainerOverrides = {}) {
  let ready: Promise<Container> | undefined;
  const coldStart = async () => buildContainer(await withSecretsFromArns(parseEnv(source)), overrides);
  return async (event: HttpApiEvent): Promise<HttpApiResult> => {
    let container: () => Container;
    try {
      ready ??= coldStart();
      const built = await ready;
      container = () => built;
    } catch (error) {
      ready = undefined;
      container = () => {
        throw error;
      };
    }
    return createLambdaHandler(container)(event);
  };
}

/** The deployed Lambda handler (serverless.yml: functions/api/lambda.handler). */
export const handler = lambdaHandlerFor(process.env);
