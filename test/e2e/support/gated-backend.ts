import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer the gate gives instead of the router's, e.g. a 503 of a backend in trouble. */
export interface GateAnswer {
  status: number;
  body: string;
}

/**
 * What happens to a held request: through to the router (undefined), answered by the gate instead of
 * the router (a GateAnswer), or through to the router (which stores it) and then its answer lost:
 * the connection dropped, or replaced by a proxy's answer such as a 503.
 */
export type GateDecision = GateAnswer | { afterRouter: 'drop' | GateAnswer } | undefined;

/**
 * A request held at the gate: `arrived` settles when it reaches the gate; `release()` lets it through
 * to the router, `release(answer)` answers it with `answer` instead, `release({afterRouter})` lets
 * the router handle it and then loses the answer.
 */
export interface HeldRequest {
  arrived: Promise<void>;
  release(decision?: GateDecision): void;
  /** Settles once the router has answered a request released with `afterRouter`: its status. */
  routerAnswered: Promise<number>;
}

export interface GatedBackend {
  /** e.g. http://127.0.0.1:40123: what the add-on's Settings point at. */
  url: string;
  /** Holds the NEXT request matching `method` and `path` (a RegExp on the path) until released. */
  holdNext(method: string, path: RegExp): HeldRequest;
  close(): Promise<void>;
}

function bodyOf(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * A pass-through in front of the real router that can hold one chosen request: a backend that is
 * slow exactly when a test says so, so that what happens meanwhile is decided by the test, not by a
 * clock.
 */
export async function startGatedBackend(target: () => string): Promise<GatedBackend> {
  const holds: {
    method: string;
    path: RegExp;
    reached: () => void;
    released: Promise<GateDecision>;
    routed: (status: number) => void;
  }[] = [];
  const server: Server = createServer(async (request, response) => {
    try {
      const body = await bodyOf(request);
      const url = new URL(request.url ?? '/', 'http://gate');
      const at = holds.findIndex((hold) => hold.method === request.method && hold.path.test(url.pathname));
      let afterRouter: 'drop' | GateAnswer | undefined;
      let routed: ((status: number) => void) | undefined;
      if (at >= 0) {
        const [hold] = holds.splice(at, 1);
        hold?.reached();
        const decision = await hold?.released;
        if (decision !== undefined && 'afterRouter' in decision) {
          afterRouter = decision.afterRouter;
          routed = hold?.routed;
        } else if (decision !== undefined) {
          response.writeHead(decision.status, { 'content-type': 'application/json' });
          response.end(decision.body);
          return;
        }
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers[name] = value;
      }
      const answer = await fetch(`${target()}${url.pathname}${url.search}`, {
        method: request.method ?? 'GET',
        headers,
        ...(body.length === 0 ? {} : { body }),
      });
      if (afterRouter !== undefined) {
        await answer.arrayBuffer();
        routed?.(answer.status);
        if (afterRouter === 'drop') {
          // The router has stored it; the caller never hears back.
          request.socket.destroy();
          return;
        }
        response.writeHead(afterRouter.status, { 'content-type': 'application/json' });
        response.end(afterRouter.body);
        return;
      }
      response.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      response.end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`gate: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    holdNext: (method, path) => {
      let reached = () => {};
      let release: (decision?: GateDecision) => void = () => {};
      let routed: (status: number) => void = () => {};
      const arrived = new Promise<void>((resolve) => {
        reached = resolve;
      });
      const released = new Promise<GateDecision>((resolve) => {
        release = resolve;
      });
      const routerAnswered = new Promise<number>((resolve) => {
        routed = resolve;
      });
      holds.push({ method, path, reached, released, routed });
      return { arrived, release, routerAnswered };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
