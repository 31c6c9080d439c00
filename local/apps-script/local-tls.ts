import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A key and its self-signed certificate (PEM), valid for 127.0.0.1 and localhost. */
export interface LocalCertificate {
  key: string;
  cert: string;
}

/**
 * Made at run time with the openssl CLI (Node cannot issue X.509 certificates itself): nothing
 * secret is kept in the repository, and each run trusts only its own certificate.
 */
export function makeLocalCertificate(): LocalCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'va-assess-tls-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } catch (error) {
    throw new Error(
      `could not make a local TLS certificate with the openssl CLI (install the Debian package "openssl"): ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface TlsFront {
  /** e.g. https://127.0.0.1:40123: the address a bundle built for this backend may fetch. */
  readonly url: string;
  /** Where requests go on to (plain http on this machine); changeable while it runs. */
  upstream: string;
  /** Stops listening: the backend is unreachable until `start()`, which takes the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * An https server on 127.0.0.1 that passes every request on to a plain-http upstream (the real
 * router, or a test's gate in front of it): the backend as Apps Script must reach it, over TLS.
 */
export async function startTlsFront(certificate: LocalCertificate, upstream: string): Promise<TlsFront> {
  let port = 0;
  let server: Server | undefined;
  const front = {
    upstream,
    get url() {
      return `https://127.0.0.1:${port}`;
    },
    start: async () => {
      const next = createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
        const target = new URL(request.url ?? '/', front.upstream);
        const onward = httpRequest(
          target,
          { method: request.method ?? 'GET', headers: { ...request.headers, host: target.host } },
          (answer) => {
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(response);
          },
        );
        onward.on('error', () => request.socket.destroy());
        request.pipe(onward);
      });
      await new Promise<void>((resolve, reject) => {
        next.once('error', reject);
        next.listen(port, '127.0.0.1', () => resolve());
      });
      port = (next.address() as AddressInfo).port;
      server = next;
    },
    stop: async () => {
      const current = server;
      server = undefined;
      if (current === undefined) return;
      current.closeAllConnections();
      await new Promise<void>((resolve) => current.close(() => resolve()));
    },
  };
  await front.start();
  return front;
}
