import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * One kind of DynamoDB request as sent on the wire: the operation (the X-Amz-Target header's name), the
 * kind of one action inside a transaction or batch, and the index a Query or Scan read.
 */
export interface DynamoTrafficRecord {
  operation: string;
  /** TransactWriteItems: Put, Update, Delete, ConditionCheck; TransactGetItems: Get; BatchWriteItem: PutRequest, DeleteRequest. */
  item?: string;
  index?: string;
}

/** The file every process appends to (one per process: no interleaved lines between processes). */
export function trafficFile(dir: string): string {
  return join(dir, `traffic-${process.pid}.jsonl`);
}

type Body = Record<string, unknown>;

const asObject = (value: unknown): Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : {};

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The records one request stands for, read from its target header and JSON body. */
export function trafficRecordsOf(operation: string, body: Body): DynamoTrafficRecord[] {
  const index = typeof body.IndexName === 'string' ? body.IndexName : undefined;
  switch (operation) {
    case 'TransactWriteItems':
    case 'TransactGetItems':
      return asArray(body.TransactItems).flatMap((item) =>
        Object.keys(asObject(item)).map((kind) => ({ operation, item: kind })),
      );
    case 'BatchWriteItem':
      return Object.values(asObject(body.RequestItems)).flatMap((requests) =>
        asArray(requests).flatMap((request) =>
          Object.keys(asObject(request)).map((kind) => ({ operation, item: kind })),
        ),
      );
    default:
      return [index === undefined ? { operation } : { operation, index }];
  }
}

/** The serialized JSON body: the SDK may hand it on as a string, bytes or a string-like object. */
function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  // isView, not instanceof: jest's sandbox has its own Uint8Array, and the SDK warns on String(bytes).
  if (ArrayBuffer.isView(body))
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return String(body);
}

/** What this process has written to each file already: tests create thousands of clients. */
const seenByFile = new Map<string, Set<string>>();

/**
 * Adds a middleware that appends each new kind of request this client sends to `dir` (the same kind
 * once per process). It reads the serialized request and hands it on untouched: what is sent is what
 * would have been sent without it.
 */
export function recordDynamoTraffic(client: DynamoDBClient, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const file = trafficFile(dir);
  const seen = seenByFile.get(file) ?? new Set<string>();
  seenByFile.set(file, seen);
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      const target = request.headers?.['x-amz-target'] ?? request.headers?.['X-Amz-Target'];
      if (target !== undefined) {
        const operation = target.slice(target.indexOf('.') + 1);
        let body: Body = {};
        try {
          body = asObject(JSON.parse(bodyText(request.body)));
        } catch {
          // Not JSON: recorded by its operation alone.
        }
        const lines = trafficRecordsOf(operation, body)
          .map((record) => JSON.stringify(record))
          .filter((line) => !seen.has(line));
        for (const line of lines) seen.add(line);
        if (lines.length > 0) appendFileSync(file, lines.map((line) => `${line}\n`).join(''));
      }
      return next(args);
    },
    { step: 'build', name: 'vaAssessDynamoTraffic', priority: 'low' },
  );
}
