import { type ClientRequest, type IncomingHttpHeaders, request } from 'node:http';
import { Readable } from 'node:stream';

/**
 * Requests fetch cannot make: a Host header of one's choice (fetch forbids it), a body streamed without
 * Content-Length, "Expect: 100-continue", and a body that is still being sent when the answer comes.
 */
export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Readable;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers field by field
  body: any;
  /** Bytes of the body the client had produced when the answer was complete. */
  bytesSent: number;
}

/**
 * `total` bytes of "a" in chunks of one reused buffer: a huge body without holding it in memory.
 * `sent()` says how many bytes the stream has handed to the request so far.
 */
export function generatedBody(
  total: number,
  chunkBytes = 64 * 1024,
): { stream: Readable; sent: () => number } {
  const chunk = Buffer.alloc(chunkBytes, 'a');
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= total) {
        this.push(null);
        return;
      }
      const next = Math.min(chunkBytes, total - sent);
      sent += next;
      this.push(next === chunkBytes ? chunk : chunk.subarray(0, next));
    },
  });
  return { stream, sent: () => sent };
}

/**
 * Sends the request and resolves with the answer as soon as it is complete, aborting whatever of the
 * body is still unsent (a client that stops uploading once refused). Rejects when the connection
 * fails before any answer came.
 */
export function rawRequest(baseUrl: string, options: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = request({
      host: url.hostname,
      port: url.port,
      method: options.method,
      path: options.path,
      headers: options.headers,
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (part: string) => {
        text += part;
      });
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // Not JSON: the test sees the text.
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, bytesSent: sent });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const body = options.body;
    const send = () =>
      sendBody(req, body, (bytes) => {
        sent += bytes;
      });
    // A client that asked "Expect: 100-continue" sends its body only once the server agreed.
    if (/100-continue/i.test(String(options.headers?.expect ?? ''))) {
      req.once('continue', send);
      req.flushHeaders();
    } else {
      send();
    }
  });
}

function sendBody(req: ClientRequest, body: RawRequest['body'], count: (bytes: number) => void): void {
  if (body === undefined) {
    req.end();
  } else if (typeof body === 'string') {
    count(Buffer.byteLength(body));
    req.end(body);
  } else {
    body.on('data', (part: Buffer) => count(part.length));
    body.pipe(req);
  }
}
