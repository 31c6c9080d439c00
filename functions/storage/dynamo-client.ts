import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { recordDynamoTraffic } from './dynamo-traffic';

export interface StorageSettings {
  /** DynamoDB Local's URL, e.g. http://127.0.0.1:8000; absent in AWS. */
  endpoint?: string;
  region: string;
  /** SDK attempts per call, first one included. Kept small so a dead store fails in well under a second. */
  maxAttempts?: number;
  /** Time to open a TCP connection before giving up. */
  connectionTimeoutMs?: number;
  /** Time for a whole request and response. */
  requestTimeoutMs?: number;
  /** Defaults to the SDK's provider chain in AWS, and to fixed dummy keys when `endpoint` is set. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Names a folder where every client records which DynamoDB operations it sends (test/iam reads them).
 * Read here rather than in env.ts because the tests' own clients (harnesses, `npm start`'s child)
 * never parse the service's environment; unset, nothing is recorded and nothing changes.
 */
export const DYNAMO_TRAFFIC_DIR_VARIABLE = 'VA_ASSESS_DYNAMO_TRAFFIC_DIR';

export const STORAGE_DEFAULTS = {
  maxAttempts: 2,
  connectionTimeoutMs: 300,
  requestTimeoutMs: 2000,
} as const;

/**
 * DynamoDB Local is a JVM on the same machine, sharing its cores with everything else `npm start` (or
 * a test run) does: a slow answer there is load, not an outage. A stopped one still fails at once,
 * its port refusing connections; only a hung one waits these longer timeouts out.
 */
export const LOCAL_STORAGE_DEFAULTS = {
  maxAttempts: STORAGE_DEFAULTS.maxAttempts,
  connectionTimeoutMs: 5_000,
  requestTimeoutMs: 30_000,
} as const;

/** DynamoDB Local accepts any keys; fixed ones keep the SDK from searching the machine for real ones. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * The document client every store uses: plain JS objects in and out, undefined fields dropped, and a
 * short leash on attempts and timeouts so an unreachable store turns into a quick retryable error
 * (see storage-errors.ts) rather than a request hanging for minutes.
 */
export function createDocumentClient(settings: StorageSettings): DynamoDBDocumentClient {
  const defaults = settings.endpoint === undefined ? STORAGE_DEFAULTS : LOCAL_STORAGE_DEFAULTS;
  const connectionTimeout = settings.connectionTimeoutMs ?? defaults.connectionTimeoutMs;
  const requestTimeout = settings.requestTimeoutMs ?? defaults.requestTimeoutMs;
  const credentials =
    settings.credentials ?? (settings.endpoint !== undefined ? LOCAL_CREDENTIALS : undefined);
  const client = new DynamoDBClient({
    region: settings.region,
    ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
    ...(credentials !== undefined ? { credentials } : {}),
    maxAttempts: settings.maxAttempts ?? defaults.maxAttempts,
    requestHandler: new NodeHttpHandler({
      connectionTimeout,
      requestTimeout,
      throwOnRequestTimeout: true,
    }),
  });
  // Tests only: the IAM check (test/iam) derives the role's actions from what the suite sent.
  const trafficDir = process.env[DYNAMO_TRAFFIC_DIR_VARIABLE];
  if (trafficDir !== undefined && trafficDir !== '') recordDynamoTraffic(client, trafficDir);
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
