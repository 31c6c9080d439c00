import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for AWS Secrets Manager's GetSecretValue, the one call the functions make, for
 * tests. Modelled by hand on the API reference (AWS JSON 1.1 protocol):
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html and
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/CommonErrors.html
 * Strict where AWS is: a POST to "/" with `X-Amz-Target: secretsmanager.GetSecretValue`, JSON 1.1, a
 * SigV4 Authorization header, a SecretId of 1 to 2048 characters naming a secret by its complete ARN or
 * its name; errors as `{"__type": ..., "message": ...}` with AWS's status codes. Every other target is
 * refused as AWS refuses an unknown one; VersionId and VersionStage are not implemented.
 */
export interface LocalSecret {
  name: string;
  /** The text a secret holds (SecretString). */
  value: string;
}

export interface LocalSecretsManager {
  /** The endpoint to give the SDK (SECRETS_MANAGER_ENDPOINT). */
  readonly endpoint: string;
  /** The complete ARN of a stored secret, with its random suffix, as AWS builds it. */
  arnOf(name: string): string;
  /** Requests answered, by target, for tests that count calls. */
  readonly calls: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

const TARGET_PREFIX = 'secretsmanager.';
/** A placeholder account: no real account id belongs in the repository. */
const ACCOUNT = '000000000000';
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

interface AwsError {
  status: number;
  type: string;
  message: string;
}

const awsError = (status: number, type: string, message: string): AwsError => ({ status, type, message });

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomBytes(16).toString('hex'),
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function randomSuffix(): string {
  return [...randomBytes(6)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}

interface StoredSecret extends LocalSecret {
  arn: string;
  versionId: string;
}

/** GetSecretValue on a parsed request body: refuses fields AWS does not know and versions not built. */
function getSecretValue(stored: readonly StoredSecret[], created: number, input: Record<string, unknown>) {
  const known = new Set(['SecretId', 'VersionId', 'VersionStage']);
  const unknown = Object.keys(input).filter((field) => !known.has(field));
  if (unknown.length > 0) {
    throw awsError(400, 'SerializationException', `Unrecognized field(s): ${unknown.join(', ')}`);
  }
  if (input.VersionId !== undefined || input.VersionStage !== undefined) {
    throw awsError(
      501,
      'NotImplemented',
      'VersionId and VersionStage are not implemented by the local Secrets Manager',
    );
  }
  const id = input.SecretId;
  if (typeof id !== 'string' || id.length < 1 || id.length > 2048) {
    throw awsError(
      400,
      'InvalidParameterException',
      'SecretId is required: the ARN or name of the secret, 1 to 2048 characters',
    );
  }
  const secret = stored.find((candidate) => candidate.arn === id || candidate.name === id);
  if (secret === undefined) {
    throw awsError(400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
  }
  return {
    ARN: secret.arn,
    Name: secret.name,
    VersionId: secret.versionId,
    SecretString: secret.value,
    VersionStages: ['AWSCURRENT'],
    CreatedDate: created,
  };
}

/** Checks the request as AWS's JSON 1.1 front door does (route, SigV4 header, content type, target), then answers it. */
async function handleRequest(
  request: IncomingMessage,
  calls: Map<string, number>,
  answer: (input: Record<string, unknown>) => unknown,
): Promise<unknown> {
  const target = String(request.headers['x-amz-target'] ?? '');
  calls.set(target, (calls.get(target) ?? 0) + 1);
  if (request.method !== 'POST' || request.url !== '/') {
    throw awsError(404, 'UnknownOperationException', `${request.method} ${request.url} is not an operation`);
  }
  if (!String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 Credential=')) {
    throw awsError(
      403,
      'MissingAuthenticationTokenException',
      'Request is missing Authentication Token (a SigV4 Authorization header)',
    );
  }
  if (request.headers['content-type'] !== 'application/x-amz-json-1.1') {
    throw awsError(400, 'SerializationException', 'Content-Type must be application/x-amz-json-1.1');
  }
  if (target !== `${TARGET_PREFIX}GetSecretValue`) {
    throw awsError(400, 'UnknownOperationException', `Unknown or not implemented operation: ${target}`);
  }
  let input: unknown;
  try {
    input = JSON.parse(await readBody(request));
  } catch {
    throw awsError(400, 'SerializationException', 'The request body is not JSON');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw awsError(400, 'SerializationException', 'The request body must be a JSON object');
  }
  return answer(input as Record<string, unknown>);
}

export async function startLocalSecretsManager(
  secrets: readonly LocalSecret[],
  options: { region?: string } = {},
): Promise<LocalSecretsManager> {
  const region = options.region ?? 'eu-west-1';
  const created = Math.floor(Date.now() / 1000);
  const stored = secrets.map((secret) => ({
    ...secret,
    arn: `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:${secret.name}-${randomSuffix()}`,
    versionId: randomBytes(16).toString('hex'),
  }));
  const calls = new Map<string, number>();

  const server = createServer((request, response) => {
    handleRequest(request, calls, (input) => getSecretValue(stored, created, input)).then(
      (body) => send(response, 200, body),
      (error: unknown) => {
        const failure =
          typeof error === 'object' && error !== null && 'type' in error
            ? (error as AwsError)
            : awsError(500, 'InternalServiceError', String(error));
        send(response, failure.status, { __type: failure.type, message: failure.message });
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    arnOf(name) {
      const secret = stored.find((candidate) => candidate.name === name);
      if (secret === undefined) throw new Error(`no local secret named ${name}`);
      return secret.arn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
