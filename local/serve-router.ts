import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as functions from '@google-cloud/functions-framework';
import type { Container } from '../functions/api/container';
import { createHttpHandler } from '../functions/api/router';
import { localFrameworkServer } from './framework-server';

export interface ServedRouter {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  close(): Promise<void>;
}

let served = 0;

/**
 * The real router as the Functions Framework serves it (Express, its body parsing, every route, the
 * local body limit: see localFrameworkServer), with a container the caller built, on 127.0.0.1 (or the
 * host given) and a port the system picks unless given. Each call registers its own
 * function name: the framework keeps one handler per name.
 */
export async function serveRouter(
  container: () => Container,
  options: {
    port?: number;
    /** 127.0.0.1 unless given (npm start serves on its configured HOST). */
    host?: string;
    /** Told of every request the router receives (benchmarks count them). */
    onRequest?: (method: string, path: string) => void;
    /**
     * Another local face served on the same port (npm start's playground at /): the requests it
     * claims never reach the router, every other request does, unchanged.
     */
    beside?: {
      claims(request: IncomingMessage): boolean;
      handle(request: IncomingMessage, response: ServerResponse): void;
    };
  } = {},
): Promise<ServedRouter> {
  served += 1;
  const name = `vaAssessApiServed${served}`;
  functions.http(name, createHttpHandler(container));
  const server: Server = localFrameworkServer(name);
  const beside = options.beside;
  if (beside !== undefined) {
    const routerListeners = server.listeners('request') as ((
      request: IncomingMessage,
      response: ServerResponse,
    ) => void)[];
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (beside.claims(request)) beside.handle(request, response);
      else for (const listener of routerListeners) listener.call(server, request, response);
    });
  }
  const onRequest = options.onRequest;
  if (onRequest !== undefined)
    server.on('request', (request) => onRequest(request.method ?? '', request.url ?? ''));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A fixed port lets a test stop the router and bring it back at the same address.
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
