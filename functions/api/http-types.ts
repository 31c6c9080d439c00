/** A request as the route code sees it, whichever platform (Functions Framework, Lambda) received it. */
export interface ApiRequest {
  method: string;
  /** Path without the query string, e.g. "/v1/projects/imagine/summary". */
  path: string;
  query: Readonly<Record<string, string | undefined>>;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body's bytes as received, when the platform kept them. */
  rawBody?: Uint8Array | undefined;
  /**
   * The body's size when the platform knows it before decoding it (Lambda's base64 text): a body over
   * the limit is then refused without ever being decoded, and rawBody stays undefined.
   */
  bodyBytes?: number | undefined;
  /** A body the platform already parsed (the Functions Framework parses JSON); used when rawBody is absent. */
  parsedBody?: unknown;
  /** The peer's address on the socket (not X-Forwarded-For): decides whether the dev mode applies. */
  remoteAddress: string | undefined;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** A file instead of JSON (a report): sent as these bytes, `headers` name its content type; `body` is ignored. */
  bytes?: Uint8Array;
}
