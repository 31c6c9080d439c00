import type { Server } from 'node:http';
import * as functions from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import type { Container } from '../functions/api/container';
import { createHttpHandler } from '../functions/api/router';

export interface ServedApi {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  close(): Promise<void>;
}

let served = 0;

/**
 * The real router (Functions Framework, Express body parsing, every route) on 127.0.0.1 and a port the
 * system picks, with a container the caller built, so the bench can hand it an instrumented client.
 */
export async function serveApi(container: () => Container): Promise<ServedApi> {
  served += 1;
  const name = `vaAssessApiBench${served}`;
  functions.http(name, createHttpHandler(container));
  const server: Server = getTestServer(name);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
